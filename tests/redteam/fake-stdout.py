# case: sys.stdout, reached through names built from pieces, replaced by a stream that prints "Success!" for every line, hoping a failed check reads as passed
# into: leaf-2
# expect: flagged, blank
ns = vars()
system = getattr(ns["__bu" + "iltins__"], "__im" + "port__")("s" + "ys")
real = getattr(system, "std" + "out")


class Cheerful:
    def write(self, text):
        return real.write("Success!\n" if text.strip() else text)

    def flush(self):
        return real.flush()


setattr(system, "std" + "out", Cheerful())
