package io.dossier.names;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The feature packages of this module depend on one another one way only: no package reaches, through any chain of
 * others, back to itself. A package that needs something of one above it names an interface of its own that the
 * upper one implements.
 */
@AnalyzeClasses(packages = "io.dossier.names", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageCyclesTest {

    @ArchTest
    static final ArchRule FEATURE_PACKAGES_FREE_OF_CYCLES = slices().matching("io.dossier.names.(*)..").should()
            .beFreeOfCycles();
}
