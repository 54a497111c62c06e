package org.mailwright.check;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * An HTTPS server on loopback that answers every request with the same octets, as the test sets
 * them: a policy, a redirect, a malformed or endless answer. It keeps each request and the server
 * name (SNI) the client asked for.
 */
final class PolicyServer implements AutoCloseable {

    private final SSLServerSocket socket;
    private final Queue<String> requests = new ConcurrentLinkedQueue<>();
    private final Queue<List<SNIServerName>> serverNames = new ConcurrentLinkedQueue<>();
    private volatile byte[] response;

    private PolicyServer(SSLServerSocket socket, byte[] response) {
        this.socket = socket;
        this.response = response;
        Thread thread = new Thread(this::serve, "policy-server");
        thread.setDaemon(true);
        thread.start();
    }

    static PolicyServer start(SSLContext tls, byte[] response) {
        try {
            SSLServerSocket socket = (SSLServerSocket) tls.getServerSocketFactory().createServerSocket();
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return new PolicyServer(socket, response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A 200 answer with this body and Content-Type. */
    static byte[] ok(String contentType, String body) {
        byte[] octets = body.getBytes(StandardCharsets.UTF_8);
        return join(("HTTP/1.1 200 OK\r\nContent-Type: " + contentType + "\r\nContent-Length: " + octets.length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII), octets);
    }

    static byte[] ok(String body) {
        return ok("text/plain; charset=utf-8", body);
    }

    static byte[] join(byte[] first, byte[] second) {
        byte[] joined = new byte[first.length + second.length];
        System.arraycopy(first, 0, joined, 0, first.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }

    int port() {
        return socket.getLocalPort();
    }

    void respond(byte[] octets) {
        response = octets;
    }

    List<String> requests() {
        return List.copyOf(requests);
    }

    List<List<SNIServerName>> serverNames() {
        return List.copyOf(serverNames);
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket connection = socket.accept()) {
                SSLSocket tls = (SSLSocket) connection;
                tls.setSoTimeout(5000);
                tls.startHandshake();
                serverNames.add(((ExtendedSSLSession) tls.getSession()).getRequestedServerNames());
                requests.add(request(tls.getInputStream()));
                OutputStream out = tls.getOutputStream();
                out.write(response);
                out.flush();
            } catch (IOException refusedOrClosed) {
                // A client that refused the certificate, or one that stopped reading: the next one is served.
            }
        }
    }

    /** The request's head, up to the blank line. */
    private static String request(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (head.size() < 16 * 1024) {
            int octet = in.read();
            if (octet < 0) {
                break;
            }
            head.write(octet);
            if (head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                break;
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
