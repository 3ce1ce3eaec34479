// Launcher runs a local Neo4j (community, embedded) with Bolt on 127.0.0.1.
//
//   java -cp 'neo4j/lib/*' neo4j/Launcher.java [port] [home]
//
// port defaults to 7687, home to .neo4j/<port>; Neo4j keeps its databases in
// <home>/data and its debug log in <home>/logs. Auth is off: this is a
// developer database reachable only from this machine. Prints one line
// "neo4j ready bolt://127.0.0.1:<port>" once Bolt accepts connections, and
// "neo4j stopped" after a clean shutdown (SIGTERM). neo4j/start.sh relies on
// both lines and on exit status 2 meaning "port already in use".

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.logging.log4j.Log4jLogProvider;

public class Launcher {
    static final String HOST = "127.0.0.1";
    static final long MiB = 1024 * 1024;

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 7687;
        Path home = Path.of(args.length > 1 ? args[1] : ".neo4j/" + port).toAbsolutePath();

        // Neo4j's own bind error is buried in a stack trace; say it plainly.
        if (!portFree(port)) {
            System.err.println("neo4j: port " + port + " on " + HOST + " is already in use by another process");
            System.exit(2);
        }

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setUserLogProvider(new Log4jLogProvider(System.out))
                .setConfig(GraphDatabaseSettings.default_listen_address, new SocketAddress(HOST))
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(HOST, port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress(HOST, port))
                // With keep-alive for ALL requests (the default) Bolt sends the hint
                // connection.recv_timeout_seconds, and the Go driver then races every socket read in
                // a goroutine with a timer; on loopback no idle connection needs keeping alive.
                .setConfig(BoltConnector.connection_keep_alive_type, BoltConnector.KeepAliveRequestType.STREAMING)
                // Server-side routing would open a second port (7688) shared by all instances.
                .setConfig(GraphDatabaseSettings.routing_enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                // Sized for a 2-core, 24 GiB machine shared with other work (the 100k-commitment graph
                // of the API benchmark fits); the JVM heap and collector are set by neo4j.mk.
                .setConfig(GraphDatabaseSettings.pagecache_memory, 512 * MiB)
                .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, 1024 * MiB)
                .setConfig(GraphDatabaseSettings.memory_transaction_max_size, 512 * MiB)
                // Bolt's network threads idle 5 s (default) before exiting, after the databases have
                // already stopped; 1 s makes stop take about 2 s instead of 6.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 1)
                .build();

        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            dbms.shutdown();
            System.out.println("neo4j stopped");
        }));

        dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).isAvailable(60_000);
        while (!accepts(port)) {
            Thread.sleep(100);
        }
        System.out.println("neo4j ready bolt://" + HOST + ":" + port);
        // Neo4j's threads keep the JVM alive until SIGTERM runs the hook.
    }

    static boolean portFree(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(HOST, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(HOST, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
