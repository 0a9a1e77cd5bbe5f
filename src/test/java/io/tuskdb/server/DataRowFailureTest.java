package io.tuskdb.server;

import io.tuskdb.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A value whose output conversion fails after its DataRow was begun (float8's largest value once made the float
 * formatter throw) must end as an ordinary ErrorResponse: the connection stays in step and usable.
 */
class DataRowFailureTest {
    @Test
    @Timeout(60)
    void connectionSurvivesAFailingOutputConversion() throws Exception {
        try (TestServer server = TestServer.start()) {
            for (String mode : new String[] {"simple", "extended"}) {
                try (Connection c = server.connect("preferQueryMode", mode, "socketTimeout", "20")) {
                    try (ResultSet rs = c.createStatement().executeQuery(
                            "SELECT 1::float8 UNION ALL SELECT '1.7976931348623157e308'::float8")) {
                        while (rs.next()) {
                            assertThat(rs.getString(1)).isNotEmpty();
                        }
                    } catch (SQLException e) {
                        assertThat(e.getSQLState()).as(e.getMessage()).isNotEqualTo("08006");
                    }
                    try (ResultSet rs = c.createStatement().executeQuery("SELECT 42")) {
                        assertThat(rs.next()).isTrue();
                        assertThat(rs.getInt(1)).isEqualTo(42);
                    }
                }
            }
        }
    }
}
