package io.migration.worker.faults;

import io.migration.worker.it.WorkerProcess;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.netcrusher.core.reactor.NioReactor;
import org.netcrusher.core.throttle.ThrottlerFactory;
import org.netcrusher.core.throttle.rate.ByteRateThrottler;
import org.netcrusher.tcp.TcpCrusher;
import org.netcrusher.tcp.TcpCrusherBuilder;

/**
 * A TCP proxy inside the test (netcrusher, FIELD-NOTES) between a worker and one service: the
 * test points the worker's URL at {@link #port()} and then cuts, freezes and heals the line.
 */
public final class TcpProxy implements AutoCloseable {

    private final NioReactor reactor;
    private final TcpCrusher crusher;
    private final int port;

    private TcpProxy(NioReactor reactor, TcpCrusher crusher, int port) {
        this.reactor = reactor;
        this.crusher = crusher;
        this.port = port;
    }

    /** An open proxy from a free local port to {@code host:port}. */
    public static TcpProxy to(String host, int port) throws Exception {
        return open(host, port, null);
    }

    /** As {@link #to}, passing at most {@code bytesPerSecond} each way: a slow line. */
    public static TcpProxy slow(String host, int port, long bytesPerSecond) throws Exception {
        return open(host, port, address -> new ByteRateThrottler(bytesPerSecond, 1, TimeUnit.SECONDS));
    }

    /** A slow line ({@link #slow}) to the broker of an AMQP URI. */
    public static TcpProxy slowAmqp(String amqpUri, long bytesPerSecond) throws Exception {
        URI uri = URI.create(amqpUri);
        return slow(uri.getHost(), uri.getPort() < 0 ? 5672 : uri.getPort(), bytesPerSecond);
    }

    private static TcpProxy open(String host, int port, ThrottlerFactory throttle) throws Exception {
        NioReactor reactor = new NioReactor();
        int local = WorkerProcess.freePort();
        TcpCrusherBuilder builder = TcpCrusherBuilder.builder()
                .withReactor(reactor)
                .withBindAddress("127.0.0.1", local)
                .withConnectAddress(host, port);
        if (throttle != null) {
            builder.withIncomingThrottlerFactory(throttle).withOutgoingThrottlerFactory(throttle);
        }
        return new TcpProxy(reactor, builder.buildAndOpen(), local);
    }

    /** A proxy to the server of a {@code jdbc:postgresql://host:port/db} URL. */
    public static TcpProxy toJdbc(String jdbcUrl) throws Exception {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        return to(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort());
    }

    /** A proxy to the broker of an {@code amqp://user:pass@host:port/vhost} URI. */
    public static TcpProxy toAmqp(String amqpUri) throws Exception {
        URI uri = URI.create(amqpUri);
        return to(uri.getHost(), uri.getPort() < 0 ? 5672 : uri.getPort());
    }

    public int port() {
        return port;
    }

    /** The same JDBC URL (database, parameters) through this proxy. */
    public String jdbcUrl(String jdbcUrl) {
        return jdbcUrl.replaceFirst("//[^/]+/", "//127.0.0.1:" + port + "/");
    }

    /** The same AMQP URI (credentials, vhost) through this proxy. */
    public String amqpUri(String amqpUri) {
        return amqpUri.replaceFirst("@[^/]+", "@127.0.0.1:" + port);
    }

    /** Unreachable: connections through it are dropped and new ones refused. */
    public void cut() {
        crusher.close();
    }

    /** Reachable again after {@link #cut()} or {@link #freeze()}. */
    public void heal() {
        if (!crusher.isOpen()) {
            crusher.open();
        }
        if (crusher.isFrozen()) {
            crusher.unfreeze();
        }
    }

    /** Silent: connections stay open (and new ones are accepted) but nothing goes through. */
    public void freeze() {
        crusher.freeze();
    }

    @Override
    public void close() {
        if (crusher.isOpen()) {
            crusher.close();
        }
        reactor.close();
    }
}
