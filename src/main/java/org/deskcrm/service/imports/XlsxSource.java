package org.deskcrm.service.imports;

import org.apache.poi.ooxml.util.SAXHelper;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.deskcrm.model.common.AppException;
import org.deskcrm.model.io.ImportTable;
import org.deskcrm.service.common.Progress;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads one sheet of a workbook as text cells (see {@link SheetRows} for what each cell becomes). An .xlsx
 * is read streaming with POI's SAX event model — the package from a temporary file, the sheet's XML as
 * events, shared strings and cell styles (for date formats) looked up — so that a million-row sheet needs
 * the memory of its rows' text, not of POI's cell objects; progress is reported and Cancel is honoured
 * while reading. A legacy .xls (at most 65 536 rows) is read whole through POI's user model.
 */
final class XlsxSource {
    private static final Pattern DATE_1904 = Pattern.compile("date1904\\s*=\\s*\"(1|true)\"");

    private XlsxSource() {
    }

    static ImportTable read(byte[] bytes, String sheetName, int maxRows) {
        return read(bytes, sheetName, maxRows, Progress.NONE);
    }

    static ImportTable read(byte[] bytes, String sheetName, int maxRows, Progress progress) {
        if (!isZip(bytes)) {
            return LegacyWorkbook.read(bytes, sheetName, maxRows);
        }
        Path temp = null;
        try {
            temp = Files.createTempFile("deskcrm-import", ".xlsx");
            Files.write(temp, bytes);
            try (OPCPackage pkg = OPCPackage.open(temp.toFile(), PackageAccess.READ)) {
                XSSFReader reader = new XSSFReader(pkg);
                ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
                StylesTable styles = reader.getStylesTable();
                boolean date1904 = date1904(reader);
                XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
                List<String> names = new ArrayList<>();
                while (sheets.hasNext()) {
                    try (InputStream sheet = sheets.next()) {
                        String name = sheets.getSheetName();
                        names.add(name);
                        if (sheetName == null || sheetName.isBlank() ? names.size() == 1 : name.equals(sheetName.strip())) {
                            SheetRows rows = new SheetRows(strings, styles, date1904, maxRows, progress);
                            XMLReader xml = SAXHelper.newXMLReader();
                            xml.setContentHandler(rows);
                            xml.parse(new InputSource(sheet));
                            return rows.table();
                        }
                    }
                }
                if (names.isEmpty()) {
                    throw new AppException("imports.error.empty");
                }
                throw new AppException("imports.error.sheet", sheetName.strip(), String.join(", ", names));
            }
        } catch (AppException e) {
            throw e;
        } catch (SheetRows.Stop e) {
            throw e.reason();
        } catch (Exception e) { // POI and the XML parser report a damaged package with many types
            throw new AppException("imports.error.xlsx", e);
        } finally {
            delete(temp);
        }
    }

    private static void delete(Path temp) {
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // a temporary file left behind is removed with the system's temporary files
            }
        }
    }

    private static boolean date1904(XSSFReader reader) throws Exception {
        try (InputStream in = reader.getWorkbookData()) {
            return DATE_1904.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8)).find();
        }
    }

    private static boolean isZip(byte[] bytes) {
        return bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
    }

    /** The names of a workbook's sheets (for the wizard's sheet choice), an .xlsx's without reading its cells. */
    static List<String> sheetNames(byte[] bytes) {
        if (!isZip(bytes)) {
            try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
                List<String> names = new ArrayList<>();
                wb.forEach(sh -> names.add(sh.getSheetName()));
                return names;
            } catch (IOException | RuntimeException e) {
                throw new AppException("imports.error.xlsx", e);
            }
        }
        Path temp = null;
        try {
            temp = Files.createTempFile("deskcrm-import", ".xlsx");
            Files.write(temp, bytes);
            try (OPCPackage pkg = OPCPackage.open(temp.toFile(), PackageAccess.READ)) {
                XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) new XSSFReader(pkg).getSheetsData();
                List<String> names = new ArrayList<>();
                while (sheets.hasNext()) {
                    sheets.next().close();
                    names.add(sheets.getSheetName());
                }
                return names;
            }
        } catch (Exception e) {
            throw new AppException("imports.error.xlsx", e);
        } finally {
            delete(temp);
        }
    }
}
