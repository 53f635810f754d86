package org.testfarm.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TestSummaryExtractorsTest {

    @Test
    void unittestFailureCountsFromItsVerdictLine() {
        String output = """
                ..F.E.s
                ======================================================================
                ERROR: test_parse (test_parser.ParserTest.test_parse)
                ----------------------------------------------------------------------
                Traceback (most recent call last):
                  File "test_parser.py", line 12, in test_parse
                ValueError: bad literal
                ----------------------------------------------------------------------
                Ran 7 tests in 0.012s

                FAILED (failures=1, errors=1, skipped=1)
                """;

        assertThat(StatsExtractors.unittest().apply(output))
                .containsExactly(Map.entry("tests", 7), Map.entry("failures", 1), Map.entry("errors", 1),
                        Map.entry("skipped", 1));
    }

    @Test
    void unittestSuccessOnStderrWrappedInRedCountsZeroFailures() {
        String output = "building\n\u001b[31m....\n------\nRan 42 tests in 0.1s\n\nOK (skipped=2, expected failures=1)\n\u001b[0m";

        assertThat(StatsExtractors.unittest().apply(output)).containsExactly(
                Map.entry("tests", 42), Map.entry("failures", 0), Map.entry("errors", 0),
                Map.entry("skipped", 2), Map.entry("expected_failures", 1));
    }

    @Test
    void unittestWithoutVerdictYetGivesTheTestsOnly() {
        assertThat(StatsExtractors.unittest().apply("Ran 1 test in 0.000s\n"))
                .containsExactly(Map.entry("tests", 1));
    }

    @Test
    void outputWithoutASummaryGivesNoStats() {
        String output = "compiling...\ndone\n";

        assertThat(StatsExtractors.unittest().apply(output)).isEmpty();
        assertThat(StatsExtractors.pytest().apply(output)).isEmpty();
        assertThat(StatsExtractors.surefire().apply(output)).isEmpty();
        assertThat(StatsExtractors.ctest().apply(output)).isEmpty();
        assertThat(StatsExtractors.cppunit().apply(output)).isEmpty();
    }

    @Test
    void pytestClosingLineWithFailuresSkipsAndWarnings() {
        String output = """
                ============================= test session starts ==============================
                platform linux -- Python 3.11.2, pytest-7.2.1, pluggy-1.0.0
                collected 15 items

                tests/test_api.py ..F.......s.F.s                                        [100%]

                =========================== short test summary info ============================
                FAILED tests/test_api.py::test_login - AssertionError: 401 != 200
                ======= 3 failed, 10 passed, 2 skipped, 1 error, 4 warnings in 0.12s ========
                """;

        assertThat(StatsExtractors.pytest().apply(output)).containsExactly(
                Map.entry("tests", 15), Map.entry("passed", 10), Map.entry("failures", 3),
                Map.entry("errors", 1), Map.entry("skipped", 2), Map.entry("warnings", 4));
    }

    @Test
    void pytestQuietSummaryWithColoursAndTimingSuffix() {
        String output = "....x\n\u001b[32m\u001b[1m4 passed\u001b[0m, \u001b[33m1 xfailed\u001b[0m in 1.05s (0:00:01)\n";

        assertThat(StatsExtractors.pytest().apply(output)).containsExactly(
                Map.entry("tests", 5), Map.entry("passed", 4), Map.entry("failures", 0),
                Map.entry("errors", 0), Map.entry("skipped", 0), Map.entry("xfailed", 1));
    }

    @Test
    void pytestWithNoTestsCountsZero() {
        assertThat(StatsExtractors.pytest().apply("=== no tests ran in 0.01s ===\n"))
                .containsEntry("tests", 0).containsEntry("failures", 0);
    }

    @Test
    void surefireSumsTheResultsOfEveryModuleAndIgnoresPerClassLines() {
        String output = """
                [INFO] Running org.example.core.ParserTest
                [INFO] Tests run: 5, Failures: 0, Errors: 0, Skipped: 1, Time elapsed: 0.05 s -- in org.example.core.ParserTest
                [INFO] Running org.example.core.LexerTest
                [ERROR] Tests run: 7, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 0.02 s <<< FAILURE! -- in org.example.core.LexerTest
                [INFO]
                [INFO] Results:
                [INFO]
                [ERROR] Failures:
                [ERROR]   LexerTest.tokens:42 expected: <3> but was: <4>
                [INFO]
                [ERROR] Tests run: 12, Failures: 1, Errors: 0, Skipped: 1
                [INFO]
                [INFO] ------------------------------------------------------------------------
                [INFO] Building example-web 1.0-SNAPSHOT                                 [2/2]
                [INFO] Tests run: 3, Failures: 0, Errors: 1, Skipped: 0, Time elapsed: 0.3 s -- in org.example.web.PageTest
                [INFO]
                [INFO] Results:
                [INFO]
                [WARNING] Tests run: 3, Failures: 0, Errors: 1, Skipped: 0
                [INFO] BUILD FAILURE
                """;

        assertThat(StatsExtractors.surefire().apply(output)).containsExactly(
                Map.entry("tests", 15), Map.entry("failures", 1), Map.entry("errors", 1), Map.entry("skipped", 1));
    }

    @Test
    void surefireWithoutResultsHeadingTakesTheLastLine() {
        String output = """
                Running com.example.AppTest
                Tests run: 2, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.01 sec
                Running com.example.DbTest
                Tests run: 4, Failures: 2, Errors: 1, Skipped: 0, Time elapsed: 0.3 sec <<< FAILURE!
                """;

        assertThat(StatsExtractors.surefire().apply(output)).containsExactly(
                Map.entry("tests", 4), Map.entry("failures", 2), Map.entry("errors", 1), Map.entry("skipped", 0));
    }

    @Test
    void junit4TextRunnerLineCountsTooWithMissingFieldsAsZero() {
        assertThat(StatsExtractors.surefire().apply("FAILURES!!!\nTests run: 9,  Failures: 2\n\n"))
                .containsExactly(Map.entry("tests", 9), Map.entry("failures", 2), Map.entry("errors", 0),
                        Map.entry("skipped", 0));
    }

    @Test
    void ctestSummaryLine() {
        String output = """
                19/20 Test #19: parser_fuzz ......................   Passed    0.31 sec
                20/20 Test #20: network_timeout ..................***Failed    2.05 sec

                95% tests passed, 1 tests failed out of 20

                Total Test time (real) =   4.21 sec

                The following tests FAILED:
                	 20 - network_timeout (Failed)
                """;

        assertThat(StatsExtractors.ctest().apply(output)).containsExactly(
                Map.entry("tests", 20), Map.entry("passed", 19), Map.entry("failures", 1));
    }

    @Test
    void cppunitSuccessLine() {
        assertThat(StatsExtractors.cppunit().apply("............\n\nOK (12 tests)\n\n")).containsExactly(
                Map.entry("tests", 12), Map.entry("failures", 0), Map.entry("errors", 0));
    }

    @Test
    void cppunitFailureBlock() {
        String output = """
                ..F.........

                !!!FAILURES!!!
                Test Results:
                Run:  12   Failures: 1   Errors: 0


                1) test: MathTest::testDivide (F) line: 33 MathTest.cpp
                assertion failed
                - Expression: 1 == divide(3, 2)
                """;

        assertThat(StatsExtractors.cppunit().apply(output)).containsExactly(
                Map.entry("tests", 12), Map.entry("failures", 1), Map.entry("errors", 0));
    }

    @Test
    void cppunitLastRunOfSeveralCounts() {
        String output = "OK (3 tests)\n...\n!!!FAILURES!!!\nRun: 5, Failures: 0, Errors: 2\n";

        assertThat(StatsExtractors.cppunit().apply(output)).containsEntry("tests", 5).containsEntry("errors", 2);
    }
}
