package io.tuskdb;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.tuskdb.session.ServerVersion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The layering of ARCHITECTURE.md §2-3, enforced. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.tuskdb");
    }

    @Test
    void engineNeverImportsSpring() {
        noClasses().that().resideInAPackage("io.tuskdb..")
                .and().resideOutsideOfPackage("io.tuskdb.config..")
                .and().doNotHaveFullyQualifiedName(TuskDbApplication.class.getName())
                .should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .because("the engine must run and be tested without a Spring context (ARCHITECTURE.md §2)")
                .check(classes);
    }

    @Test
    void sqlEngineKnowsNothingOfTheProtocolOrServer() {
        noClasses().that().resideInAPackage("io.tuskdb.sql..")
                .should().dependOnClassesThat(resideInAnyPackage("io.tuskdb.protocol..", "io.tuskdb.server..",
                        "io.tuskdb.session..").and(not(equivalentTo(ServerVersion.class))))
                .because("the engine talks to its session only through ExecutionContext")
                .check(classes);
    }

    @Test
    void storageKnowsNothingOfSql() {
        noClasses().that().resideInAnyPackage("io.tuskdb.storage..", "io.tuskdb.txn..", "io.tuskdb.catalog..")
                .should().dependOnClassesThat().resideInAnyPackage("io.tuskdb.sql..", "io.tuskdb.protocol..",
                        "io.tuskdb.server..", "io.tuskdb.session..")
                .check(classes);
    }

    @Test
    void parserDependsOnlyOnErrors() {
        noClasses().that().resideInAPackage("io.tuskdb.sql.parser..")
                .should().dependOnClassesThat().resideInAnyPackage("io.tuskdb.sql.analyzer..",
                        "io.tuskdb.sql.planner..", "io.tuskdb.sql.executor..", "io.tuskdb.catalog..",
                        "io.tuskdb.storage..", "io.tuskdb.txn..")
                .check(classes);
    }
}
