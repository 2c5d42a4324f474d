package org.deskcrm.service.user;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * Passwords as Argon2id hashes (Bouncy Castle) in the PHC string format
 * {@code $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>}: every hash carries its own random
 * salt and the cost it was made with, so a later, stronger cost can be told apart and rehashed on the
 * next sign-in ({@link #needsRehash}). Comparison is constant-time.
 */
public final class PasswordHasher {
    /** The cost new hashes are made with (OWASP's Argon2id minimum: 19 MiB, 2 passes, 1 lane). */
    public record Cost(int memoryKiB, int iterations, int parallelism) {
        public static final Cost DEFAULT = new Cost(19_456, 2, 1);
    }

    private static final String PREFIX = "$argon2id$v=19$";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final Cost cost;
    private final SecureRandom random;

    public PasswordHasher() {
        this(Cost.DEFAULT, new SecureRandom());
    }

    public PasswordHasher(Cost cost, SecureRandom random) {
        this.cost = Objects.requireNonNull(cost);
        this.random = Objects.requireNonNull(random);
    }

    /** A new salted hash of the password. */
    public String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] out = derive(password, salt, cost, HASH_BYTES);
        return PREFIX + "m=" + cost.memoryKiB() + ",t=" + cost.iterations() + ",p=" + cost.parallelism()
                + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(out);
    }

    /** Whether the password matches the stored hash; false for a missing or malformed hash. */
    public boolean verify(char[] password, String stored) {
        Parsed p = parse(stored);
        if (p == null) {
            return false;
        }
        byte[] actual = derive(password, p.salt(), p.cost(), p.hash().length);
        return MessageDigest.isEqual(actual, p.hash());
    }

    /** Whether a stored hash was made with another cost than the current one (or cannot be read). */
    public boolean needsRehash(String stored) {
        Parsed p = parse(stored);
        return p == null || !p.cost().equals(cost) || p.hash().length != HASH_BYTES;
    }

    private static byte[] derive(char[] password, byte[] salt, Cost c, int length) {
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt)
                .withMemoryAsKB(c.memoryKiB())
                .withIterations(c.iterations())
                .withParallelism(c.parallelism())
                .build();
        Argon2BytesGenerator gen = new Argon2BytesGenerator();
        gen.init(params);
        byte[] pw = toUtf8(password);
        byte[] out = new byte[length];
        try {
            gen.generateBytes(pw, out);
        } finally {
            java.util.Arrays.fill(pw, (byte) 0);
        }
        return out;
    }

    private static byte[] toUtf8(char[] password) {
        java.nio.ByteBuffer buf = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(password));
        byte[] bytes = new byte[buf.remaining()];
        buf.get(bytes);
        if (buf.hasArray()) {
            java.util.Arrays.fill(buf.array(), (byte) 0);
        }
        return bytes;
    }

    private record Parsed(Cost cost, byte[] salt, byte[] hash) {
    }

    private static Parsed parse(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return null;
        }
        String[] parts = stored.substring(PREFIX.length()).split("\\$");
        if (parts.length != 3) {
            return null;
        }
        try {
            int m = 0;
            int t = 0;
            int p = 0;
            for (String kv : parts[0].split(",")) {
                String[] pair = kv.split("=", 2);
                int v = Integer.parseInt(pair[1]);
                switch (pair[0]) {
                    case "m" -> m = v;
                    case "t" -> t = v;
                    case "p" -> p = v;
                    default -> {
                        return null;
                    }
                }
            }
            if (m < 8 || t < 1 || p < 1 || m > 4_194_304 || t > 100 || p > 64) {
                return null;
            }
            byte[] salt = B64D.decode(parts[1]);
            byte[] hash = B64D.decode(parts[2]);
            return salt.length < 8 || hash.length < 16 ? null : new Parsed(new Cost(m, t, p), salt, hash);
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return null;
        }
    }
}
