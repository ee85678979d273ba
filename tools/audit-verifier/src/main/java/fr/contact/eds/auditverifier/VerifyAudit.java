package fr.contact.eds.auditverifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.contact.eds.auditproof.Ed25519Keys;
import fr.contact.eds.auditproof.SignedTreeHead;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The DPO's independent check of the audit trail. Exit status 0 when every check passed, 1 when one failed (each
 * failure names the entry or head concerned), 2 on a usage or connection problem.
 */
public final class VerifyAudit {

    static final String USAGE = """
            usage: audit-verifier --url URL --token TOKEN --public-key KEY
                                  [--head FILE] [--previous-head FILE] [--entry ID]... [--full] [--save-head FILE]
              --url            the audit service, e.g. http://127.0.0.1:8084
              --token          a DPO bearer token (or @file)
              --public-key     the audit signing public key, base64 X.509 or PEM (or @file), obtained out of band
              --head           check this saved tree head instead of the latest one
              --previous-head  a head saved earlier: prove the checked head extends it
              --entry          a leaf index or access id: prove it is in the checked head, as it reads now
              --full           read the whole log: every entry against its leaf, every leaf against the root
              --save-head      keep the checked head, to pass as --previous-head next time
            """;

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private VerifyAudit() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.print(USAGE);
            return 2;
        }
        try {
            Findings findings = verify(options, new HttpTrailSource(URI.create(options.url), options.token));
            findings.lines().forEach(out::println);
            return findings.ok() ? 0 : 1;
        } catch (IOException | RuntimeException e) {
            err.println("Cannot verify: " + e.getMessage());
            return 2;
        }
    }

    static Findings verify(Options options, TrailSource source) throws IOException {
        Verifier verifier = new Verifier(Ed25519Keys.publicKey(options.publicKey));
        Findings findings = new Findings();
        JsonNode headNode = options.head != null ? JSON.readTree(Files.readString(options.head)) : source.latestHead();
        SignedTreeHead head = Verifier.head(headNode);
        verifier.checkSignature(head, findings);
        if (options.previousHead != null) {
            SignedTreeHead previous = Verifier.head(JSON.readTree(Files.readString(options.previousHead)));
            verifier.checkSignature(previous, findings);
            verifier.checkConsistency(previous, head, source, findings);
        }
        for (String entry : options.entries) {
            verifier.checkInclusion(entry, head, source, findings);
        }
        if (options.full) {
            verifier.checkLog(head, source.log(head.treeSize()), findings);
        }
        if (options.saveHead != null && findings.ok()) {
            ObjectNode saved = JSON.createObjectNode().put("treeSize", head.treeSize())
                    .put("rootHash", head.rootHash()).put("issuedAt", head.issuedAt().toString())
                    .put("signature", head.signature());
            Files.writeString(options.saveHead, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(saved));
        }
        return findings;
    }

    static final class Options {

        String url;
        String token;
        String publicKey;
        Path head;
        Path previousHead;
        Path saveHead;
        boolean full;
        final List<String> entries = new ArrayList<>();

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("--full")) {
                    o.full = true;
                    continue;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("Missing value after " + arg);
                }
                String value = args[++i];
                switch (arg) {
                    case "--url" -> o.url = value;
                    case "--token" -> o.token = fileOrValue(value).strip();
                    case "--public-key" -> o.publicKey = fileOrValue(value);
                    case "--head" -> o.head = Path.of(value);
                    case "--previous-head" -> o.previousHead = Path.of(value);
                    case "--save-head" -> o.saveHead = Path.of(value);
                    case "--entry" -> o.entries.add(value);
                    default -> throw new IllegalArgumentException("Unknown option " + arg);
                }
            }
            if (o.url == null || o.token == null || o.publicKey == null) {
                throw new IllegalArgumentException("--url, --token and --public-key are required");
            }
            return o;
        }

        private static String fileOrValue(String value) {
            if (!value.startsWith("@")) {
                return value;
            }
            try {
                return Files.readString(Path.of(value.substring(1)));
            } catch (IOException e) {
                throw new IllegalArgumentException("Cannot read " + value.substring(1) + ": " + e.getMessage());
            }
        }
    }
}
