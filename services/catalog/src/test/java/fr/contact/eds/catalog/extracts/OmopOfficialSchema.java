package fr.contact.eds.catalog.extracts;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.postgresql.PGConnection;

/**
 * A real PostgreSQL (from Maven, no Docker) holding the official OHDSI OMOP CDM 5.4 schema, the way an analyst loads
 * an extract: tables from the DDL, the CSV files copied in unchanged, then the primary keys, every foreign key that
 * does not point into the vocabulary tables (an extract ships none), then the indices. Any error fails the load.
 */
final class OmopOfficialSchema {

    private static final String RESOURCES = "/omop/ohdsi-cdm-5.4/OMOPCDM_postgresql_5.4_";
    private static final Set<String> VOCABULARY = Set.of("concept", "vocabulary", "domain", "concept_class",
            "concept_relationship", "relationship", "concept_synonym", "concept_ancestor", "source_to_concept_map",
            "drug_strength");
    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private OmopOfficialSchema() {}

    /** A connection to a fresh schema holding the files of {@code dir}; the caller closes it. */
    static Connection load(Path dir) throws Exception {
        String schema = "cdm" + SCHEMAS.incrementAndGet();
        Connection connection = server().getPostgresDatabase().getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
            statement.execute("SET search_path TO " + schema);
            statement.execute(script("ddl", schema));
            for (String table : OmopColumns.TABLES.keySet()) {
                Path file = dir.resolve(table + ".csv");
                if (Files.exists(file)) {
                    copy(connection, table, file);
                }
            }
            statement.execute(script("primary_keys", schema));
            for (String constraint : script("constraints", schema).split(";")) {
                if (constraint.contains("FOREIGN KEY") && !referencesVocabulary(constraint)) {
                    statement.execute(constraint);
                }
            }
            statement.execute(script("indices", schema));
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void copy(Connection connection, String table, Path file) throws Exception {
        try (Reader csv = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + table + " FROM STDIN WITH (FORMAT csv, HEADER true, ENCODING 'UTF8')", csv);
        } catch (SQLException e) {
            throw new SQLException(table + ".csv does not load: " + e.getMessage(), e);
        }
    }

    private static boolean referencesVocabulary(String constraint) {
        String target = constraint.substring(constraint.indexOf("REFERENCES") + "REFERENCES".length()).trim();
        String table = target.substring(target.indexOf('.') + 1, target.indexOf(' ')).toLowerCase(Locale.ROOT);
        return VOCABULARY.contains(table);
    }

    private static String script(String name, String schema) {
        try (var in = OmopOfficialSchema.class.getResourceAsStream(RESOURCES + name + ".sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("@cdmDatabaseSchema", schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized EmbeddedPostgres server() throws IOException {
        if (postgres == null) {
            postgres = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    // The JVM is going: the server's directory is temporary anyway.
                }
            }));
        }
        return postgres;
    }
}
