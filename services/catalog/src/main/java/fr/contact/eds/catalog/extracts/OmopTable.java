package fr.contact.eds.catalog.extracts;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One OMOP CDM 5.4 table written as CSV: a header of the DDL's column names, then one line per row; empty for NULL,
 * dates {@code yyyy-MM-dd}, timestamps {@code yyyy-MM-dd HH:mm:ss}, text quoted when it must be. Counts rows and
 * hashes the bytes as they are written.
 */
final class OmopTable implements AutoCloseable {

    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final String name;
    private final int columns;
    private final MessageDigest digest;
    private final Writer out;
    private long rows;

    OmopTable(String name, List<String> columns, OutputStream target) throws IOException {
        this.name = name;
        this.columns = columns.size();
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        this.out = new OutputStreamWriter(new DigestOutputStream(target, digest), StandardCharsets.UTF_8);
        out.write(String.join(",", columns));
        out.write('\n');
    }

    void row(Object... values) throws IOException {
        if (values.length != columns) {
            throw new IllegalArgumentException(name + " has " + columns + " columns, not " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(values[i]));
        }
        out.write('\n');
        rows++;
    }

    String name() {
        return name;
    }

    long rows() {
        return rows;
    }

    String sha256() {
        return HexFormat.of().formatHex(digest.digest());
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof LocalDateTime time) {
            return TIMESTAMP.format(time);
        }
        if (value instanceof LocalDate || value instanceof Number) {
            return value.toString();
        }
        // Control characters (a NUL an association sent in a code, say) break loaders: never written as such.
        String text = CONTROL.matcher(value.toString()).replaceAll("\uFFFD");
        return text.isEmpty() || text.contains(",") || text.contains("\"")
                ? "\"" + text.replace("\"", "\"\"") + "\""
                : text;
    }
}
