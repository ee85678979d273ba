package fr.contact.eds.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How a service is cut: one package per capability ({@code fr.contact.eds.episodes.research}), each with its own
 * thin {@code rest} edge, a {@code config} package that wires them, and the {@code api} messages it publishes.
 */
public final class CapabilityRules {

    /** The services whose code lives under {@code fr.contact.eds.<name>}; each may publish an {@code api}. */
    static final List<String> SERVICES = List.of("consent", "ingestion", "episodes", "catalog", "audit", "portal");
    /** The developer tools, which nothing shipped may need. */
    static final List<String> TOOLS = List.of("fr.contact.eds.devstore..", "fr.contact.eds.simulator..",
            "fr.contact.eds.auditverifier..");

    private CapabilityRules() {}

    /** HTTP stays at the edge: capabilities can be driven by events, schedules and tests alike. */
    public static ArchRule onlyRestEdgesSpeakHttp(String servicePackage) {
        return noClasses().that().resideInAPackage(servicePackage + "..").and().resideOutsideOfPackage("..rest..")
                .should().dependOnClassesThat().resideInAPackage("jakarta.ws.rs..")
                .because("only a capability's rest edge knows HTTP");
    }

    /** A rest edge is a leaf: nothing else in the service calls into one. */
    public static ArchRule restEdgesAreLeaves(String servicePackage) {
        return noClasses().that().resideInAPackage(servicePackage + "..").and().resideOutsideOfPackage("..rest..")
                .should().dependOnClassesThat().resideInAPackage(servicePackage + "..rest..");
    }

    /** Each rest edge belongs to one capability: {@code <service>.<capability>.rest}, never a shared one. */
    public static ArchRule restEdgesBelongToACapability(String servicePackage) {
        return classes().that().resideInAPackage(servicePackage + "..rest..")
                .should().resideInAPackage(servicePackage + ".*.rest")
                .allowEmptyShould(true);
    }

    /**
     * Capabilities depend on each other one way only, so each can be read, tested and changed from its own package
     * down; the wiring in {@code config} may see all of them.
     */
    public static ArchRule capabilitiesFormNoCycles(String servicePackage) {
        return slices().matching(servicePackage + ".(*)")
                .should().beFreeOfCycles()
                .ignoreDependency(JavaClass.Predicates.resideInAPackage(servicePackage + ".config"),
                        DescribedPredicate.alwaysTrue());
    }

    /** Services meet in the event store and over REST: a service may use another's api messages, nothing else. */
    public static ArchRule noServiceUsesAnothersInternals(String servicePackage) {
        String own = servicePackage.substring(servicePackage.lastIndexOf('.') + 1);
        Pattern internals = Pattern.compile("fr\\.contact\\.eds\\.(" + String.join("|", SERVICES.stream()
                .filter(s -> !s.equals(own)).toList()) + ")(\\.(?!api(\\.|$)).*)?");
        return noClasses().that().resideInAPackage(servicePackage + "..")
                .should().dependOnClassesThat(new DescribedPredicate<JavaClass>("are another service's internals") {

                    @Override
                    public boolean test(JavaClass type) {
                        return internals.matcher(type.getPackageName()).matches();
                    }
                });
    }

    /** What ships (services and libraries) never needs a developer tool. */
    public static ArchRule nothingShippedNeedsATool() {
        return noClasses().that().resideInAPackage("fr.contact.eds..")
                .and().resideOutsideOfPackages(TOOLS.toArray(String[]::new))
                .should().dependOnClassesThat().resideInAnyPackage(TOOLS.toArray(String[]::new));
    }
}
