#!/usr/bin/python3
"""smtpd.py — a real SMTP server on loopback for the mail tests (Debian's
python3-aiosmtpd). Every accepted message is written to DIR/NNNN.eml.

  smtpd.py DIR PORT [--cert CERT KEY] [--implicit] [--user USER:PASS] [--die-after N]

Recipients decide the answer: an address starting with "refuse" gets 550 (for
good), "busy" gets 451 (try later). With --cert the server offers STARTTLS and
requires it (or speaks TLS from the start with --implicit); with --user it
requires a login. With --die-after N the server vanishes (the process ends at
once) in the middle of message N+1, after the client sent it and before it is
stored or answered. Otherwise it runs until killed."""
import os
import ssl
import sys
import time

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult


class Handler:
    def __init__(self, out, die_after):
        self.out, self.die_after, self.accepted = out, die_after, 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith("refuse"):
            return "550 5.1.1 no such mailbox here"
        if address.startswith("busy"):
            return "451 4.3.0 mailbox busy, try later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.die_after is not None and self.accepted == self.die_after:
            os._exit(3)
        self.accepted += 1
        n = len(os.listdir(self.out))
        tmp = os.path.join(self.out, ".tmp-%d-%d" % (os.getpid(), n))
        with open(tmp, "wb") as f:
            f.write(envelope.original_content)
        while True:  # a name of its own, also when messages arrive at once
            try:
                os.link(tmp, os.path.join(self.out, "%04d.eml" % n))
                break
            except FileExistsError:
                n += 1
        os.unlink(tmp)
        return "250 2.0.0 queued"


def main(argv):
    out, port = argv[1], int(argv[2])
    kw = {}
    if "--cert" in argv:
        i = argv.index("--cert")
        ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        ctx.load_cert_chain(argv[i + 1], argv[i + 2])
        if "--implicit" in argv:
            kw["ssl_context"] = ctx
        else:
            kw.update(tls_context=ctx, require_starttls=True)
    if "--user" in argv:
        user, pw = argv[argv.index("--user") + 1].split(":", 1)

        def auth(server, session, envelope, mechanism, data):
            ok = data.login == user.encode() and data.password == pw.encode()
            return AuthResult(success=ok)

        kw.update(authenticator=auth, auth_require_tls="--cert" in argv)
    os.makedirs(out, exist_ok=True)
    die = int(argv[argv.index("--die-after") + 1]) if "--die-after" in argv else None
    c = Controller(Handler(out, die), hostname="127.0.0.1", port=port,
                   server_hostname="localhost", **kw)
    c.start()
    print("ready", flush=True)
    try:
        while True:
            time.sleep(3600)
    finally:
        c.stop()


if __name__ == "__main__":
    main(sys.argv)
