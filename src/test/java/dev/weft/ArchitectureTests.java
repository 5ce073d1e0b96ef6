package dev.weft;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps capabilities apart: the web surfaces depend on capabilities, never the other way round. */
class ArchitectureTests {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.weft");

    @Test
    void capabilitiesDoNotDependOnTheWebSurfaces() {
        noClasses().that().resideInAnyPackage("dev.weft.accounts..", "dev.weft.sites..", "dev.weft.tokens..", "dev.weft.cms..", "dev.weft.oauth..",
                        "dev.weft.usage..", "dev.weft.audit..", "dev.weft.leaks..", "dev.weft.webhooks..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.weft.api..", "dev.weft.dashboard..")
                .check(CLASSES);
    }

    @Test
    void apiAndDashboardDoNotDependOnEachOther() {
        noClasses().that().resideInAPackage("dev.weft.api..")
                .should().dependOnClassesThat().resideInAPackage("dev.weft.dashboard..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("dev.weft.dashboard..")
                .should().dependOnClassesThat().resideInAPackage("dev.weft.api..")
                .check(CLASSES);
    }

    @Test
    void sitesDoNotReachIntoTheCmsWhichListensForSiteEvents() {
        noClasses().that().resideInAPackage("dev.weft.sites..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.weft.cms..", "dev.weft.tokens..")
                .check(CLASSES);
    }

    @Test
    void theAuditLogDependsOnNoCapabilityThatRecordsIntoIt() {
        noClasses().that().resideInAPackage("dev.weft.audit..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.weft.tokens..", "dev.weft.oauth..")
                .check(CLASSES);
    }

    @Test
    void onlyTheDatabaseAdaptersUseJdbc() {
        noClasses().that().resideInAnyPackage("dev.weft.api..", "dev.weft.dashboard..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..")
                .check(CLASSES);
    }
}
