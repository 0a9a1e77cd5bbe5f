package io.tuskdb.server;

import io.tuskdb.protocol.auth.AuthMethod;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * One pg_hba.conf line (<a href="https://www.postgresql.org/docs/15/auth-pg-hba-conf.html">the documentation</a>):
 * {@code host|hostssl|hostnossl database[,...]|all user[,...]|all address/CIDR|all|samehost method}.
 *
 * @param databases database names, empty for all ("sameuser" matches the user's own database)
 * @param users     role names, empty for all
 */
public record HbaRule(ConnectionType connectionType, List<String> databases, List<String> users, Address address,
                      AuthMethod method) {

    /** Which connections the line covers. */
    public enum ConnectionType { HOST, HOSTSSL, HOSTNOSSL }

    /** The client addresses a line covers. */
    public sealed interface Address {
        /** {@code all} */
        record Any() implements Address {
        }

        /** {@code samehost}: any of the server's own addresses. */
        record SameHost() implements Address {
        }

        /** An IPv4 or IPv6 network. */
        record Cidr(byte[] network, int prefixLength) implements Address {
        }
    }

    public HbaRule {
        databases = List.copyOf(databases);
        users = List.copyOf(users);
    }

    /** PostgreSQL's default for TuskDB: trust on loopback, SCRAM everywhere else. */
    public static List<HbaRule> defaults() {
        return List.of(parse("host all all 127.0.0.1/32 trust"), parse("host all all ::1/128 trust"),
                parse("host all all all scram-sha-256"));
    }

    /** Parses one line; IllegalArgumentException with the reason when it is malformed. */
    public static HbaRule parse(String line) {
        String text = line.strip();
        int hash = text.indexOf('#');
        if (hash >= 0) {
            text = text.substring(0, hash).strip();
        }
        String[] f = text.split("\\s+");
        if (f.length != 5) {
            throw new IllegalArgumentException("pg_hba.conf line needs 5 fields (type database user address method): "
                    + line);
        }
        ConnectionType type = switch (f[0].toLowerCase(Locale.ROOT)) {
            case "host" -> ConnectionType.HOST;
            case "hostssl" -> ConnectionType.HOSTSSL;
            case "hostnossl" -> ConnectionType.HOSTNOSSL;
            default -> throw new IllegalArgumentException("invalid connection type \"" + f[0] + "\"");
        };
        AuthMethod method = AuthMethod.byHbaName(f[4].toLowerCase(Locale.ROOT));
        if (method == null) {
            throw new IllegalArgumentException("invalid authentication method \"" + f[4] + "\"");
        }
        return new HbaRule(type, names(f[1]), names(f[2]), address(f[3]), method);
    }

    private static List<String> names(String field) {
        if (field.equals("all")) {
            return List.of();
        }
        return List.of(field.split(","));
    }

    private static Address address(String field) {
        if (field.equals("all")) {
            return new Address.Any();
        }
        if (field.equals("samehost")) {
            return new Address.SameHost();
        }
        int slash = field.indexOf('/');
        String ip = slash < 0 ? field : field.substring(0, slash);
        if (!ip.matches("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*")) {
            throw new IllegalArgumentException("invalid IP address \"" + ip + "\" (host names are not supported)");
        }
        byte[] network;
        try {
            network = InetAddress.getByName(ip).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("invalid IP address \"" + ip + "\"", e);
        }
        int prefix = network.length * 8;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(field.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("invalid CIDR mask in address \"" + field + "\"");
            }
            if (prefix < 0 || prefix > network.length * 8) {
                throw new IllegalArgumentException("invalid CIDR mask in address \"" + field + "\"");
            }
        }
        return new Address.Cidr(network, prefix);
    }

    /** True when this line covers the connection. */
    public boolean matches(boolean ssl, String database, String user, InetAddress client) {
        switch (connectionType) {
            case HOSTSSL -> {
                if (!ssl) {
                    return false;
                }
            }
            case HOSTNOSSL -> {
                if (ssl) {
                    return false;
                }
            }
            case HOST -> {
            }
        }
        if (!databases.isEmpty() && !databases.contains(database)
                && !(databases.contains("sameuser") && database.equals(user))) {
            return false;
        }
        if (!users.isEmpty() && !users.contains(user)) {
            return false;
        }
        return switch (address) {
            case Address.Any a -> true;
            case Address.SameHost s -> isLocalAddress(client);
            case Address.Cidr c -> inNetwork(c, client.getAddress());
        };
    }

    private static boolean isLocalAddress(InetAddress client) {
        try {
            return client.isLoopbackAddress() || NetworkInterface.getByInetAddress(client) != null;
        } catch (SocketException e) {
            return false;
        }
    }

    private static boolean inNetwork(Address.Cidr cidr, byte[] address) {
        byte[] network = cidr.network();
        if (address.length != network.length) {
            return false;
        }
        int bits = cidr.prefixLength();
        for (int i = 0; i < network.length && bits > 0; i++, bits -= 8) {
            int mask = bits >= 8 ? 0xFF : (0xFF << (8 - bits)) & 0xFF;
            if ((address[i] & mask) != (network[i] & mask)) {
                return false;
            }
        }
        return true;
    }
}
