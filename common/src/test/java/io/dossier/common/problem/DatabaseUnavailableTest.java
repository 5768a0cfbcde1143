package io.dossier.common.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

/** Which failures {@link ProblemMappers} answers with 503 (the database is away) rather than 500 (our fault). */
class DatabaseUnavailableTest {

    @Test
    void connectionErrorsShutdownsAndPoolTimeoutsAreUnavailability() {
        // as Hibernate and the transaction layer wrap them: the SQL cause sits a few levels down
        assertThat(ProblemMappers.databaseUnavailable(wrapped(new SQLException("Connection refused", "08001"))))
                .isTrue();
        assertThat(ProblemMappers.databaseUnavailable(wrapped(new SQLException("This connection has been closed.",
                "08003")))).isTrue();
        assertThat(ProblemMappers.databaseUnavailable(wrapped(new SQLException(
                "terminating connection due to administrator command", "57P01")))).isTrue();
        assertThat(ProblemMappers.databaseUnavailable(wrapped(new SQLException("the database system is starting up",
                "57P03")))).isTrue();
        assertThat(ProblemMappers.databaseUnavailable(wrapped(new SQLException("Sorry, acquisition timeout!"))))
                .isTrue();
        assertThat(ProblemMappers.databaseUnavailable(new SQLTransientConnectionException("gone"))).isTrue();
    }

    @Test
    void otherDatabaseErrorsAndOrdinaryBugsAreNot() {
        assertThat(ProblemMappers.databaseUnavailable(wrapped(new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(ProblemMappers.databaseUnavailable(wrapped(new SQLException("syntax error", "42601")))).isFalse();
        assertThat(ProblemMappers.databaseUnavailable(wrapped(new SQLException("protocol violation", "08P01"))))
                .isFalse();
        assertThat(ProblemMappers.databaseUnavailable(new IllegalStateException("bug"))).isFalse();
        assertThat(ProblemMappers.databaseUnavailable(new NullPointerException())).isFalse();
    }

    private static RuntimeException wrapped(SQLException cause) {
        return new IllegalStateException("transaction failed", new RuntimeException("could not execute", cause));
    }
}
