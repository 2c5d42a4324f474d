package org.deskcrm.service.export;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The gzip stream that compresses on its own thread: same bytes back, failures reach the writer, no hang. */
@Timeout(60)
class BackgroundGzipOutputStreamTest {

    @Test
    void everyByteComesBackInOrderWhateverTheWriteSizes() throws IOException {
        byte[] data = new byte[3 * BackgroundGzipOutputStream.CHUNK * BackgroundGzipOutputStream.QUEUED + 12_345];
        Random random = new Random(42);
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) ('a' + random.nextInt(6)); // compressible, like the sheet's XML
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        AtomicBoolean fileClosed = new AtomicBoolean();
        try (OutputStream out = new BackgroundGzipOutputStream(new OutputStream() {
            @Override
            public void write(int b) {
                file.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                file.write(b, off, len);
            }

            @Override
            public void close() {
                fileClosed.set(true);
            }
        })) {
            int at = 0;
            while (at < data.length) {
                int n = Math.min(data.length - at, random.nextInt(70_000));
                if (n % 7 == 0 && n > 0) {
                    out.write(data[at]); // single bytes too
                    n = 1;
                } else {
                    out.write(data, at, n);
                }
                at += n;
                if (random.nextInt(50) == 0) {
                    out.flush();
                }
            }
        }
        assertThat(fileClosed).isTrue();
        assertThat(file.size()).isLessThan(data.length / 2);
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(file.toByteArray()))) {
            assertThat(in.readAllBytes()).isEqualTo(data);
        }
    }

    @Test
    void aFailingFileFailsTheWriterInsteadOfBlockingIt() {
        AtomicBoolean fileClosed = new AtomicBoolean();
        OutputStream full = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public void close() {
                fileClosed.set(true);
            }
        };
        byte[] chunk = new byte[BackgroundGzipOutputStream.CHUNK];
        new Random(1).nextBytes(chunk); // incompressible: the deflater must write out at once
        BackgroundGzipOutputStream out = new BackgroundGzipOutputStream(full);
        assertThatThrownBy(() -> {
            for (int i = 0; i < 100; i++) { // far more chunks than the queue holds
                out.write(chunk);
            }
        }).isInstanceOf(IOException.class).hasRootCauseMessage("disk full");
        assertThatThrownBy(out::close).isInstanceOf(IOException.class);
        assertThat(fileClosed).isTrue();
    }
}
