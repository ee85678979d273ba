package fr.contact.eds.ingestion.fhir;

import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParserErrorHandler;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue.ScalarType;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue.ValueType;
import java.util.ArrayList;
import java.util.List;
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

    private final List<IntakeIssue> issues = new ArrayList<>();

    public List<IntakeIssue> issues() {
        return List.copyOf(issues);
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
        issues.add(IntakeIssue.error("structure", path(location, elementName), elementName + " must be a JSON "
                + kind(expectedValueType, expectedScalarType) + ", not " + kind(foundValueType, foundScalarType)));
    }

    @Override
    public void invalidValue(IParseLocation location, String value, String error) {
        String element = location == null ? null : location.getParentElementName();
        issues.add(IntakeIssue.error("value", element == null ? "Bundle" : element,
                (element == null ? "A value" : element) + " holds a value its FHIR datatype refuses"
                        + (value == null ? "" : " ('" + shortened(value) + "')")
                        + (error == null ? "" : ": " + shortened(LIBRARY_CODE.matcher(error).replaceAll("")))));
    }

    @Override
    public void missingRequiredElement(IParseLocation location, String elementName) {
        issues.add(IntakeIssue.error("required", path(location, elementName), elementName + " is required"));
    }

    @Override
    public void unexpectedRepeatingElement(IParseLocation location, String elementName) {
        issues.add(IntakeIssue.error("structure", path(location, elementName),
                elementName + " may appear only once"));
    }

    @Override
    public void extensionContainsValueAndNestedExtensions(IParseLocation location) {
        issues.add(IntakeIssue.error("structure", path(location, "extension"),
                "An extension has either a value or nested extensions, not both"));
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
        String parent = location == null ? null : location.getParentElementName();
        return parent == null || parent.isBlank() ? elementName : parent + "." + elementName;
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
