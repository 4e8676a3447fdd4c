package dev.agentauth.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Ports and adapters: the domain and the use cases know nothing of AWS, Lambda or HTTP. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.agentauth");

    @Test
    void domainIsFreeOfAwsLambdaAndHttp() {
        noClasses().that().resideInAPackage("dev.agentauth.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "com.amazonaws..",
                        "dev.agentauth.http..", "dev.agentauth.adapters..", "dev.agentauth.config..", "java.net.http..")
                .check(CLASSES);
    }

    @Test
    void useCasesDependOnPortsNotOnAdapters() {
        noClasses().that().resideInAPackage("dev.agentauth.application..")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "com.amazonaws..",
                        "dev.agentauth.adapters..", "dev.agentauth.http..")
                .check(CLASSES);
    }

    @Test
    void onlyTheGuardedOutboundClientSpeaksHttpToProviders() {
        // one outbound client: every provider call passes the SSRF guard, pinning and size caps
        noClasses().that().resideOutsideOfPackage("dev.agentauth.outbound..")
                .should().dependOnClassesThat().resideInAnyPackage("java.net.http..")
                .check(CLASSES);
    }
}
