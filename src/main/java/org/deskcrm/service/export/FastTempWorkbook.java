package org.deskcrm.service.export;

import org.apache.poi.xssf.streaming.GZIPSheetDataWriter;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;

/**
 * An SXSSF workbook (inline strings, no shared strings table) whose flushed rows go to a gzip temporary
 * file compressed at {@link Deflater#BEST_SPEED} on a thread of its own ({@link BackgroundGzipOutputStream}),
 * instead of POI's default level with 512-byte buffers on the export's thread. The sheet's XML is about 770
 * bytes a row of the deal list (77 MB per 100 000 rows), so an uncompressed temporary file would need most
 * of a gigabyte for a full Excel sheet; the fast level still shrinks it about 7× (11 MB per 100 000 rows)
 * at half the default level's CPU time, and a second core takes even that off the export's path. The
 * temporary file is only read back once, into the .xlsx, which is compressed as usual.
 */
final class FastTempWorkbook extends SXSSFWorkbook {
    private static final int BUFFER = 64 * 1024;

    FastTempWorkbook(int window) {
        super(null, window, true, false);
    }

    @Override
    protected SheetDataWriter createSheetDataWriter() throws IOException {
        return new FastGzipWriter();
    }

    /** The rows of one sheet, gzipped fast into a temporary file. */
    private static final class FastGzipWriter extends GZIPSheetDataWriter {
        FastGzipWriter() throws IOException {
            super(null);
        }

        @Override
        protected OutputStream decorateOutputStream(FileOutputStream fos) throws IOException {
            return new BackgroundGzipOutputStream(fos);
        }

        @Override
        protected InputStream decorateInputStream(FileInputStream fis) throws IOException {
            return new GZIPInputStream(fis, BUFFER);
        }
    }
}
