// Integration tests talk to real servers on loopback; a minute bounds any one of them.
jest.setTimeout(60_000);
