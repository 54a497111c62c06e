"""Makes ARC-sealed messages with dkimpy, an independent ARC implementation, and records
dkimpy's own verdict on each, so that Mailwright's verifier can be compared with it.

Usage: arc_scenarios.py PRIVATE_KEY.pem OUT_DIR NAME=KEY_RECORD... Writes NAME.eml per scenario
and prints one line per scenario: its name, a tab, dkimpy's chain validation status.
"""
import os
import sys

import dkim

private_key = open(sys.argv[1], "rb").read()
out_dir = sys.argv[2]
keys = dict(argument.split("=", 1) for argument in sys.argv[3:])
keys = {name.lower(): record for name, record in keys.items()}


def dns(name, timeout=5):
    text = name.decode() if isinstance(name, bytes) else name
    record = keys.get(text.rstrip(".").lower())
    return record.encode() if record else None


ORIGINAL = (b"From: Alice Example <alice@example.org>\r\n"
            b"To: list@lists.example.net\r\n"
            b"Subject: Quarterly figures\r\n"
            b"Date: Sun, 06 Dec 2026 10:00:00 +0000\r\n"
            b"Message-ID: <q4@example.org>\r\n"
            b"\r\n"
            b"The figures are attached.\r\n")


def hop(message, domain, selector, server, results):
    """One handler: it records what it found, then adds its ARC set."""
    message = b"Authentication-Results: " + server + b"; " + results + b"\r\n" + message
    fields = dkim.arc_sign(message, selector, domain, private_key, server)
    return b"".join(fields) + message


def first_hop(message):
    return hop(message, b"relay.example.com", b"arc1", b"mx.relay.example.com",
               b"spf=pass smtp.mailfrom=example.org; dkim=none")


def second_hop(message, status=b"pass"):
    return hop(message, b"lists.example.net", b"arc2", b"mx.lists.example.net",
               b"arc=" + status + b" smtp.remote-ip=192.0.2.10")


def third_hop(message):
    return hop(message, b"relay.example.com", b"arc1", b"in.relay.example.com",
               b"arc=pass smtp.remote-ip=198.51.100.7")


def without_set(message, instance):
    lines = message.split(b"\r\n")
    kept, skipping = [], False
    for line in lines:
        if line[:1] in (b" ", b"\t"):
            if not skipping:
                kept.append(line)
            continue
        lower = line.lower()
        skipping = lower.startswith(b"arc-") and (b"i=%d;" % instance) in lower.replace(b" ", b"")
        if not skipping:
            kept.append(line)
    return b"\r\n".join(kept)


one = first_hop(ORIGINAL)
two = second_hop(one)
scenarios = {
    "one-hop": one,
    "two-hops": two,
    "three-hops": third_hop(two),
    "body-changed-after-newest-set": two.replace(b"The figures are attached.", b"The figures are gone."),
    "subject-changed-after-newest-set": two.replace(b"Subject: Quarterly figures", b"Subject: Quarterly figures!"),
    "whitespace-changed-after-newest-set": two.replace(b"Subject: Quarterly figures", b"Subject:   Quarterly   figures"),
    "body-changed-between-sets": second_hop(one.replace(b"The figures are attached.",
                                                        b"The figures are attached.\r\n--\r\nlists.example.net")),
    "first-results-changed": two.replace(b"dkim=none", b"dkim=pass"),
    "first-set-removed": without_set(two, 1),
    "chain-failed-on-the-way": second_hop(one, b"fail"),
    "unknown-sealer-key": hop(ORIGINAL, b"example.com", b"gone", b"mx.example.com", b"spf=pass"),
    "unsealed": ORIGINAL,
}
# A seal that claims a status it must not: set 1 saying cv=pass.
scenarios["first-seal-claims-pass"] = one.replace(b"cv=none", b"cv=pass", 1)

for name, message in scenarios.items():
    with open(os.path.join(out_dir, name + ".eml"), "wb") as out:
        out.write(message)
    cv, _, reason = dkim.arc_verify(message, dnsfunc=dns)
    print(name + "\t" + (cv.decode() if cv else "fail") + "\t" + str(reason))
