"""A hostile DNS server on 127.0.0.1 for the README's "Hostile input" figures:
python3 src/test/scripts/hostile-dns.py MODE PORT, then point mailwright lookup at 127.0.0.1:PORT.
MODE: silent (reads every query, answers none),
      flood (answers every UDP query with 30 s of datagrams under another id, never the real one),
      slowloris (UDP: truncated; TCP: announces 65,535 octets, then sends one every 100 ms),
      huge (UDP: truncated; TCP: a reply of 65,535 octets, 244 TXT records).
The tests use the in-process TestDnsServer instead; this one runs apart so a measured process
holds nothing but Mailwright."""
import socket, struct, sys, threading, time

mode, port = sys.argv[1], int(sys.argv[2])

def question_end(q):
    i = 12
    while q[i] != 0:
        i += q[i] + 1
    return i + 5

def reply_header(q, flags=0x8180, an=0):
    return q[:2] + struct.pack(">HHHHH", flags, 1, an, 0, 0) + q[12:question_end(q)]

def huge(q):
    body = reply_header(q, an=0)
    records = b""
    n = 0
    rdata = bytes([255]) + b"x" * 255
    rr = b"\xc0\x0c" + struct.pack(">HHIH", 16, 1, 60, len(rdata)) + rdata
    while len(body) + len(records) + len(rr) <= 65535:
        records += rr
        n += 1
    return reply_header(q, an=n) + records

def udp():
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind(("127.0.0.1", port))
    while True:
        q, addr = s.recvfrom(65535)
        if mode == "silent":
            continue
        if mode == "flood":
            def flood(q=q, addr=addr):
                wrong = bytes([(q[0] + 1) & 0xff, q[1]]) + reply_header(q)[2:]
                end = time.time() + 30
                while time.time() < end:
                    try:
                        s.sendto(wrong, addr)
                    except OSError:
                        return
            threading.Thread(target=flood, daemon=True).start()
        else:
            s.sendto(reply_header(q, flags=0x8380), addr)

def tcp():
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", port))
    s.listen(64)
    while True:
        c, _ = s.accept()
        def serve(c=c):
            try:
                n = struct.unpack(">H", c.recv(2))[0]
                q = b""
                while len(q) < n:
                    q += c.recv(n - len(q))
                if mode == "slowloris":
                    c.sendall(struct.pack(">H", 65535))
                    for _ in range(600):
                        c.sendall(b"x")
                        time.sleep(0.1)
                else:
                    r = huge(q)
                    c.sendall(struct.pack(">H", len(r)) + r)
                    time.sleep(1)
            except OSError:
                pass
            finally:
                c.close()
        threading.Thread(target=serve, daemon=True).start()

threading.Thread(target=tcp, daemon=True).start()
udp()
