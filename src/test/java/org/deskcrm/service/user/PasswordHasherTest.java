package org.deskcrm.service.user;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void theSamePasswordHashesDifferentlyEachTimeAndVerifies() {
        char[] pw = "Секрет-пароль 1".toCharArray();
        String a = hasher.hash(pw);
        String b = hasher.hash(pw);
        assertThat(a).isNotEqualTo(b).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(a.split("\\$")[4]).isNotEqualTo(b.split("\\$")[4]); // different salts
        assertThat(hasher.verify(pw, a)).isTrue();
        assertThat(hasher.verify(pw, b)).isTrue();
        assertThat(a).doesNotContain("Секрет");
    }

    @Test
    void reportsTheCostOfOneHash() {
        char[] pw = "measure-me-1".toCharArray();
        hasher.hash(pw); // warm-up
        int n = 5;
        long t0 = System.nanoTime();
        String h = null;
        for (int i = 0; i < n; i++) {
            h = hasher.hash(pw);
        }
        long hashMs = (System.nanoTime() - t0) / 1_000_000 / n;
        long t1 = System.nanoTime();
        assertThat(hasher.verify(pw, h)).isTrue();
        long verifyMs = (System.nanoTime() - t1) / 1_000_000;
        System.out.printf("argon2id m=19456 KiB t=2 p=1: hash %d ms, verify %d ms (mean of %d, this machine)%n",
                hashMs, verifyMs, n);
        assertThat(hashMs).isPositive();
    }

    @Test
    void aWrongPasswordIsRefused() {
        String h = hasher.hash("correct horse".toCharArray());
        assertThat(hasher.verify("correct hors".toCharArray(), h)).isFalse();
        assertThat(hasher.verify("Correct horse".toCharArray(), h)).isFalse();
        assertThat(hasher.verify(new char[0], h)).isFalse();
    }

    @Test
    void missingOrMalformedHashesNeverVerify() {
        char[] pw = "whatever1".toCharArray();
        assertThat(hasher.verify(pw, null)).isFalse();
        assertThat(hasher.verify(pw, "")).isFalse();
        assertThat(hasher.verify(pw, "whatever1")).isFalse();
        assertThat(hasher.verify(pw, "$argon2id$v=19$m=1,t=1,p=1$AAAA$AAAA")).isFalse();
        assertThat(hasher.verify(pw, "$argon2id$v=19$m=19456,t=2,p=1$%%%$%%%")).isFalse();
        assertThat(hasher.needsRehash(null)).isTrue();
    }

    @Test
    void aHashOfAnotherCostStillVerifiesButAsksForARehash() {
        PasswordHasher cheap = new PasswordHasher(new PasswordHasher.Cost(1024, 1, 1), new SecureRandom());
        String old = cheap.hash("old-cost-pw".toCharArray());
        assertThat(old).contains("m=1024,t=1,p=1");
        assertThat(hasher.verify("old-cost-pw".toCharArray(), old)).isTrue();
        assertThat(hasher.needsRehash(old)).isTrue();
        assertThat(hasher.needsRehash(hasher.hash("x-password".toCharArray()))).isFalse();
    }
}
