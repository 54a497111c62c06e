"""Decides messages with authheaders (over dkimpy and pyspf), an independent implementation of
SPF, DKIM, DMARC and ARC, asking the DNS server the test runs on loopback.

Usage: authenticate.py PORT CASES, where CASES is a file of lines "FILE<TAB>IP<TAB>MAIL_FROM<TAB>HELO".
Prints per case: FILE, then the spf, dkim, dmarc and arc results, tab-separated.
"""
import sys

import dns.resolver

resolver = dns.resolver.Resolver(configure=False)
resolver.nameservers = ["127.0.0.1"]
resolver.port = int(sys.argv[1])
resolver.lifetime = 5
dns.resolver.default_resolver = resolver

import authheaders  # noqa: E402  (after the resolver is set)
from authres import AuthenticationResultsHeader  # noqa: E402

for line in open(sys.argv[2], encoding="utf-8"):
    path, ip, mail_from, helo = line.rstrip("\n").split("\t")
    message = open(path, "rb").read()
    header = authheaders.authenticate_message(message, "reference.test", spf=True, dkim=True, arc=True, dmarc=True,
                                              ip=ip, mail_from=mail_from, helo=helo)
    parsed = AuthenticationResultsHeader.parse("Authentication-Results: " + header.split(":", 1)[1].strip())
    results = {result.method: result.result for result in parsed.results}
    print("\t".join([path] + [results.get(method, "-") for method in ("spf", "dkim", "dmarc", "arc")]))
