package fr.contact.eds.ingestion.fhir;

import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParserErrorHandler;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue.ScalarType;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue.ValueType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the FHIR parser would otherwise pass over: a value of the wrong JSON type (an object where an identifier is
 * a string is silently dropped), a value its datatype refuses, a required element missing, a repeated element that
 * may not repeat. Each becomes an issue at the element, in CONTACT's words, so that nothing is stored from a bundle
 * the parser had to guess at. Unknown elements stay ignored: FHIR lets systems carry what they do not use.
 */
public final class ParseProblems implements IParserErrorHandler {

    private static final Pattern LIBRARY_CODE = Pattern.compile("HAPI-\\d+:\\s*");
    private static final Pattern LINE_COLUMN = Pattern.compile("line: (\\d+), column: (\\d+)");

    /** For a finding the body cannot place better than the parser: which of several extensions, say. */
    private static final Predicate<JsonElements.Element> NOWHERE = e -> false;

    private final List<Finding> findings = new ArrayList<>();

    /**
     * An issue as the parser reports it, at {@code parent.element}, and how to find that element in the body: by
     * name, parent and what the parser found there; {@code suffix} for an element that is missing from what was found.
     */
    private record Finding(IntakeIssue issue, String name, String parent, Predicate<JsonElements.Element> found,
            String suffix) {}

    /**
     * The issues, each at the FHIRPath of its element in {@code body} where the body shows it (the k-th report of
     * the same kind at the k-th such element, in document order), else at the parser's {@code parent.element}.
     */
    public List<IntakeIssue> issuesIn(byte[] body) {
        if (findings.isEmpty()) {
            return List.of();
        }
        List<JsonElements.Element> elements = JsonElements.of(body);
        Map<String, Integer> seen = new HashMap<>();
        List<IntakeIssue> placed = new ArrayList<>();
        for (Finding finding : findings) {
            List<JsonElements.Element> candidates = elements.stream()
                    .filter(e -> e.name().equals(finding.name()) && finding.found().test(e)).toList();
            List<JsonElements.Element> inParent = candidates.stream()
                    .filter(e -> e.parent().equals(finding.parent())).toList();
            candidates = inParent.isEmpty() ? candidates : inParent;
            IntakeIssue issue = finding.issue();
            // Reports alike (same element, same finding) go to such elements in turn.
            int k = seen.merge(issue.expression() + "|" + issue.diagnostics(), 1, Integer::sum) - 1;
            placed.add(k < candidates.size() ? new IntakeIssue(issue.severity(), issue.code(),
                    candidates.get(k).path() + finding.suffix(), issue.diagnostics()) : issue);
        }
        return placed;
    }

    private void report(IntakeIssue issue, String name, String parent, Predicate<JsonElements.Element> found,
            String suffix) {
        findings.add(new Finding(issue, name, parent, found, suffix));
    }

    /** The parser's refusal of the whole body, without its error codes and JSON-library internals. */
    public static IntakeIssue unreadable(DataFormatException e) {
        String message = String.valueOf(e.getMessage());
        Matcher at = LINE_COLUMN.matcher(message);
        String where = at.find() ? " (line " + at.group(1) + ", column " + at.group(2) + ")" : "";
        String reason = message.contains("resourceType") ? ": it names no FHIR R4 resource type this server knows"
                : message.contains("Failed to parse JSON") ? ": it is not well-formed JSON" + where : "";
        return IntakeIssue.error("structure", "Bundle", "The body is not a FHIR R4 JSON resource" + reason);
    }

    /**
     * The parser's refusal of a code outside a required FHIR value set (a request method "GETS", say), which it
     * throws rather than reports; the code is named, the parser's class names are not.
     */
    public static IntakeIssue unknownCode(IllegalArgumentException e) {
        String message = String.valueOf(e.getMessage());
        int dot = message.lastIndexOf('.');
        String code = message.startsWith("No enum constant") && dot >= 0 ? message.substring(dot + 1) : null;
        return IntakeIssue.error("code-invalid", "Bundle", "A coded element holds "
                + (code == null ? "a code" : "'" + shortened(code) + "', a code") + " FHIR R4 does not define");
    }

    /** The parser failed on a shape it neither reads nor reports (an extension list holding a null, say). */
    public static IntakeIssue unparseable() {
        return IntakeIssue.error("structure", "Bundle", "The FHIR parser cannot read this bundle: an element has a "
                + "shape FHIR R4 JSON does not allow (a null in a list, a list where an object belongs...)");
    }

    @Override
    public void incorrectJsonType(IParseLocation location, String elementName, ValueType expectedValueType,
            ScalarType expectedScalarType, ValueType foundValueType, ScalarType foundScalarType) {
        String found = kind(foundValueType, foundScalarType);
        report(IntakeIssue.error("structure", path(location, elementName), elementName + " must be a JSON "
                + kind(expectedValueType, expectedScalarType) + ", not " + found), elementName, parent(location),
                e -> e.shape().equals(found), "");
    }

    @Override
    public void invalidValue(IParseLocation location, String value, String error) {
        // Here the parser's parent is the element whose value it refuses.
        String element = parent(location);
        report(IntakeIssue.error("value", element == null ? "Bundle" : element,
                (element == null ? "A value" : element) + " holds a value its FHIR datatype refuses"
                        + (value == null ? "" : " ('" + shortened(value) + "')")
                        + (error == null ? "" : ": " + shortened(LIBRARY_CODE.matcher(error).replaceAll("")))),
                String.valueOf(element), null, e -> value != null && value.equals(e.text()), "");
    }

    @Override
    public void missingRequiredElement(IParseLocation location, String elementName) {
        String parent = parent(location);
        report(IntakeIssue.error("required", path(location, elementName), elementName + " is required"),
                String.valueOf(parent), null, e -> e.shape().equals("object"), "." + elementName);
    }

    @Override
    public void unexpectedRepeatingElement(IParseLocation location, String elementName) {
        report(IntakeIssue.error("structure", path(location, elementName), elementName + " may appear only once"),
                elementName, parent(location), e -> e.shape().equals("array"), "");
    }

    @Override
    public void extensionContainsValueAndNestedExtensions(IParseLocation location) {
        report(IntakeIssue.error("structure", path(location, "extension"),
                "An extension has either a value or nested extensions, not both"), "extension", parent(location),
                NOWHERE, "");
    }

    @Override
    public void containedResourceWithNoId(IParseLocation location) {
        // Not read by CONTACT: a contained resource is never mapped.
    }

    @Override
    public void unknownAttribute(IParseLocation location, String attributeName) {
        // Ignored as FHIR permits; see the class comment.
    }

    @Override
    public void unknownElement(IParseLocation location, String elementName) {
        // Ignored as FHIR permits; see the class comment. Names no FHIR element can have are refused by StrictJson.
    }

    @Override
    public void unknownReference(IParseLocation location, String reference) {
        // References are resolved, or refused, by the mapper against the bundle itself.
    }

    @Override
    public void invalidInternalReference(IParseLocation location, String reference) {
        // References are resolved, or refused, by the mapper against the bundle itself.
    }

    private static String path(IParseLocation location, String elementName) {
        String parent = parent(location);
        return parent == null ? elementName : parent + "." + elementName;
    }

    private static String parent(IParseLocation location) {
        String parent = location == null ? null : location.getParentElementName();
        return parent == null || parent.isBlank() ? null : parent;
    }

    private static String kind(ValueType valueType, ScalarType scalarType) {
        if (valueType == null) {
            return "value";
        }
        return switch (valueType) {
            case SCALAR -> scalarType == null ? "scalar" : scalarType.name().toLowerCase(java.util.Locale.ROOT);
            case OBJECT -> "object";
            case ARRAY -> "array";
            case NULL -> "null";
        };
    }

    private static String shortened(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }
}
