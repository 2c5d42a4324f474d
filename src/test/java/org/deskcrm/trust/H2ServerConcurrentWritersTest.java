package org.deskcrm.trust;

import org.deskcrm.persistence.DatabaseConfig;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.SQLException;

/** The writers on an H2 TCP server started in the test (shared mode as a small team runs it). */
class H2ServerConcurrentWritersTest extends ConcurrentWritersContract {
    @TempDir
    static Path dir;
    static Server server;

    @BeforeAll
    static void startServer() throws SQLException {
        server = Server.createTcpServer("-tcpPort", "0", "-ifNotExists", "-baseDir", dir.toString()).start();
    }

    @AfterAll
    static void stopServer() {
        server.stop();
    }

    @Override
    DatabaseConfig sharedDatabase() {
        return new DatabaseConfig("jdbc:h2:tcp://localhost:" + server.getPort() + "/writers", "sa", "");
    }

    @Override
    String label() {
        return "H2 TCP server";
    }
}
