package org.deskcrm.service.export;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * A gzip stream (at {@link Deflater#BEST_SPEED}) whose compression runs on a thread of its own: the writer
 * only copies its bytes into 256 KB chunks and hands them over (at most {@value #QUEUED} chunks wait, so
 * memory stays bounded and a slow disk slows the writer down). The export's thread thus keeps reading rows
 * and writing XML while the flushed rows are compressed beside it. A failure of the compressing thread is
 * thrown (as the cause of an IOException) by the next {@link #write}, {@link #flush} or {@link #close};
 * {@link #close} waits for the thread, which closes {@code target} in any case.
 */
final class BackgroundGzipOutputStream extends OutputStream {
    static final int CHUNK = 256 * 1024;
    static final int QUEUED = 4;
    private static final byte[] END = new byte[0];

    private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(QUEUED);
    private final Thread worker;
    private volatile Throwable failure;
    private byte[] chunk = new byte[CHUNK];
    private int used;
    private boolean closed;

    BackgroundGzipOutputStream(OutputStream target) {
        worker = new Thread(() -> compress(target), "export-gzip");
        worker.setDaemon(true);
        worker.start();
    }

    private void compress(OutputStream target) {
        try (target; OutputStream gz = new GZIPOutputStream(target, 64 * 1024) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            for (byte[] b = queue.take(); b != END; b = queue.take()) {
                gz.write(b);
            }
        } catch (InterruptedException e) {
            failure = e; // the writer gave up (it was interrupted itself): nobody waits for the rest
        } catch (Throwable t) {
            failure = t;
            drain(); // keep taking chunks so that the writer never blocks on a full queue
        }
    }

    private void drain() {
        try {
            while (queue.take() != END) {
                // thrown away: the file is incomplete and will be deleted
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void write(int b) throws IOException {
        if (used == CHUNK) {
            handOver();
        }
        chunk[used++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            if (used == CHUNK) {
                handOver();
            }
            int n = Math.min(len, CHUNK - used);
            System.arraycopy(b, off, chunk, used, n);
            used += n;
            off += n;
            len -= n;
        }
    }

    /** Hands the bytes written so far to the compressing thread (they are not on disk yet when this returns). */
    @Override
    public void flush() throws IOException {
        if (used > 0) {
            handOver();
        }
    }

    private void handOver() throws IOException {
        checkFailure();
        byte[] full = used == CHUNK ? chunk : Arrays.copyOf(chunk, used);
        put(full);
        if (full == chunk) {
            chunk = new byte[CHUNK];
        }
        used = 0;
    }

    private void put(byte[] b) throws IOException {
        try {
            queue.put(b);
        } catch (InterruptedException e) {
            worker.interrupt();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("export interrupted");
        }
    }

    private void checkFailure() throws IOException {
        Throwable t = failure;
        if (t != null) {
            throw new IOException("compressing the temporary file failed: " + t.getMessage(), t);
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (used > 0 && failure == null) {
            handOver();
        }
        put(END);
        try {
            worker.join();
        } catch (InterruptedException e) {
            worker.interrupt();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("export interrupted");
        }
        checkFailure();
    }
}
