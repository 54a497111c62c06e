package org.mailwright.dns;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.mailwright.i18n.Failures;
import org.mailwright.i18n.KnownWords;
import org.xbill.DNS.Message;

/**
 * Sends one query and waits for its reply over plain sockets, blocking the calling thread (the
 * resolver's executor) until the reply or the given moment.
 *
 * <p>UDP: one socket per query, connected to the server so the system drops datagrams from
 * anywhere else; datagrams with another id are ignored, and one with the query's id that is no
 * usable reply is kept only in case nothing better comes before the moment passes.
 *
 * <p>TCP: one connection per query, never shared, so a server that answers one query per
 * connection and closes it (RFC 7766 allows it) answers every query. A connection that closes
 * before the reply is in is replaced by a new one, up to {@link #TCP_CONNECTIONS} in all (RFC 7766
 * sections 6.2.1.1 and 6.2.4).
 */
final class DnsTransport {

    /** The largest DNS message: its length is a 16-bit number over TCP, and UDP carries no more. */
    static final int MAX_MESSAGE = 65_535;
    /** Connections tried for one query over TCP when they close before the reply is in. */
    static final int TCP_CONNECTIONS = 3;
    /**
     * Each resolver thread's room for one datagram, kept: a batch sends thousands of queries, and a
     * fresh 64 KB for each only feeds the collector. A reply is copied out before the next receive.
     */
    private static final ThreadLocal<byte[]> DATAGRAM_BUFFER = ThreadLocal.withInitial(() -> new byte[MAX_MESSAGE]);

    private DnsTransport() {
    }

    /** How an exchange ended: a reply to read, or a failure already named. */
    sealed interface Exchange {
        record Replied(Message message) implements Exchange {
        }

        record Failed(Outcome outcome, Detail detail) implements Exchange {
        }
    }

    /** The reply to {@code query} over UDP, waiting until {@code until} ({@link System#nanoTime()}) at the latest. */
    static Exchange udp(Query query, InetSocketAddress server, long until) {
        byte[] wire = query.toWire();
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.connect(server);
            socket.send(new DatagramPacket(wire, wire.length));
            byte[] buffer = DATAGRAM_BUFFER.get();
            Exchange kept = silence();
            while (true) {
                int wait = millisUntil(until);
                if (wait == 0) {
                    return kept;
                }
                socket.setSoTimeout(wait);
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(packet);
                } catch (SocketTimeoutException waitedEnough) {
                    continue;
                }
                Exchange read = take(Arrays.copyOf(packet.getData(), packet.getLength()), query);
                if (read instanceof Exchange.Replied) {
                    return read;
                }
                kept = read == null ? kept : read;
            }
        } catch (PortUnreachableException e) {
            // An ICMP "port unreachable" only arrives on some networks (a firewall drops it on
            // others, and the same server then times out), so it counts as silence, with the reason.
            return new Exchange.Failed(Outcome.TIMEOUT, Detail.of("refused-port"));
        } catch (IOException e) {
            return new Exchange.Failed(Outcome.ERROR, network(e));
        }
    }

    /** The reply to {@code query} over TCP, on a new connection each time one closes early. */
    static Exchange tcp(Query query, InetSocketAddress server, long until) {
        Exchange last = silence();
        for (int connection = 0; connection < TCP_CONNECTIONS && millisUntil(until) > 0; connection++) {
            last = tcpOnce(query, server, until);
            if (!(last instanceof Exchange.Failed failed && failed.outcome() == Outcome.CLOSED)) {
                return last;
            }
        }
        return last instanceof Exchange.Failed failed && failed.outcome() == Outcome.CLOSED
                ? new Exchange.Failed(Outcome.CLOSED, Detail.of("closed", TCP_CONNECTIONS))
                : last;
    }

    private static Exchange tcpOnce(Query query, InetSocketAddress server, long until) {
        byte[] wire = query.toWire();
        try (Socket socket = new Socket()) {
            try {
                socket.connect(server, millisUntil(until));
            } catch (SocketTimeoutException e) {
                return silence();
            } catch (ConnectException e) {
                return new Exchange.Failed(Outcome.ERROR, Detail.of("tcp-refused"));
            }
            OutputStream out = socket.getOutputStream();
            byte[] framed = new byte[wire.length + 2];
            framed[0] = (byte) (wire.length >>> 8);
            framed[1] = (byte) wire.length;
            System.arraycopy(wire, 0, framed, 2, wire.length);
            Exchange kept = silence();
            try {
                out.write(framed);
                out.flush();
                InputStream in = socket.getInputStream();
                while (true) {
                    byte[] length = readFully(socket, in, 2, until);
                    byte[] reply = readFully(socket, in, (length[0] & 0xff) << 8 | length[1] & 0xff, until);
                    Exchange read = take(reply, query);
                    if (read instanceof Exchange.Replied) {
                        return read;
                    }
                    kept = read == null ? kept : read;
                }
            } catch (SocketTimeoutException waitedEnough) {
                return kept;
            } catch (EOFException | SocketException closedEarly) {
                // Closed or reset: what was kept says more than the closing, if anything was.
                return kept instanceof Exchange.Failed failed && failed.outcome() != Outcome.TIMEOUT
                        ? kept
                        : new Exchange.Failed(Outcome.CLOSED, Detail.NONE);
            }
        } catch (IOException e) {
            return new Exchange.Failed(Outcome.ERROR, network(e));
        }
    }

    /** Exactly {@code count} octets, each read waiting no later than {@code until}. */
    private static byte[] readFully(Socket socket, InputStream in, int count, long until) throws IOException {
        byte[] bytes = new byte[count];
        int read = 0;
        while (read < count) {
            int wait = millisUntil(until);
            if (wait == 0) {
                throw new SocketTimeoutException();
            }
            socket.setSoTimeout(wait);
            int chunk = in.read(bytes, read, count - read);
            if (chunk < 0) {
                throw new EOFException();
            }
            read += chunk;
        }
        return bytes;
    }

    /** The reply, null for a stray message, or the failure a message with the query's id showed. */
    private static Exchange take(byte[] message, Query query) {
        AnswerReader.Reading reading = AnswerReader.read(message, query);
        if (reading instanceof AnswerReader.Reading.Accepted accepted) {
            return new Exchange.Replied(accepted.message());
        }
        return reading instanceof AnswerReader.Reading.Rejected rejected
                ? new Exchange.Failed(rejected.outcome(), rejected.detail())
                : null;
    }

    /** The system's words for the network failures people meet (in lower case), and the detail that says each. */
    private static final KnownWords NETWORK_WORDS = KnownWords.of(
            "network is unreachable", "network-unreachable",
            "no route to host", "host-unreachable",
            "host is unreachable", "host-unreachable",
            "connection reset", "connection-reset",
            "protocol family unavailable", "family-unsupported",
            "address family not supported", "family-unsupported",
            "cannot assign requested address", "family-unsupported");

    /** Nothing came back in time. */
    private static Exchange silence() {
        return new Exchange.Failed(Outcome.TIMEOUT, Detail.NONE);
    }

    /** Milliseconds from now until {@code until}, rounded up; 0 once it has passed. */
    static int millisUntil(long until) {
        long nanos = until - System.nanoTime();
        return nanos <= 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(nanos) + 1);
    }

    /**
     * A network failure in the user's words where the system's ("Network is unreachable") are known,
     * else in the system's own words, marked as such: never a class name.
     */
    static Detail network(IOException e) {
        String words = e.getMessage() == null ? "" : Failures.withoutClassNames(e.getMessage()).strip();
        return NETWORK_WORDS.codeIn(words.toLowerCase(Locale.ROOT)).map(Detail::of)
                .orElseGet(() -> words.isEmpty() ? Detail.of("network-failed") : Detail.of("network", words));
    }
}
