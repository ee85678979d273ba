package fr.contact.eds.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/** Architecture rules every service checks against its own classes. */
public final class EndpointRules {

    private static final String[] HTTP_METHODS = {"jakarta.ws.rs.GET", "jakarta.ws.rs.POST", "jakarta.ws.rs.PUT",
            "jakarta.ws.rs.DELETE", "jakarta.ws.rs.PATCH"};
    private static final String[] ROLE_ANNOTATIONS = {"jakarta.annotation.security.RolesAllowed",
            "jakarta.annotation.security.PermitAll", "jakarta.annotation.security.DenyAll"};

    private EndpointRules() {}

    /** Every HTTP endpoint declares who may call it, on the method or its class. */
    public static final ArchRule EVERY_ENDPOINT_DECLARES_ITS_ROLES = methods()
            .that(new DescribedPredicate<JavaMethod>("are HTTP endpoints") {

                @Override
                public boolean test(JavaMethod method) {
                    for (String http : HTTP_METHODS) {
                        if (method.isAnnotatedWith(http)) {
                            return true;
                        }
                    }
                    return false;
                }
            })
            .should(new ArchCondition<JavaMethod>("declare allowed roles") {

                @Override
                public void check(JavaMethod method, ConditionEvents events) {
                    for (String roles : ROLE_ANNOTATIONS) {
                        if (method.isAnnotatedWith(roles) || method.getOwner().isAnnotatedWith(roles)) {
                            return;
                        }
                    }
                    events.add(SimpleConditionEvent.violated(method, method.getFullName() + " declares no roles"));
                }
            })
            .allowEmptyShould(true);
}
