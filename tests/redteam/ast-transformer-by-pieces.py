# case: an AST transformer, installed through attribute names built from pieces, turns every later cell, tests included, into print("Success!")
# into: leaf-1
# expect: flagged, blank
ns = vars()
syntax = getattr(ns["__bu" + "iltins__"], "__im" + "port__")("a" + "st")
shell = ns["get_" + "ipython"]()


class Cheer(getattr(syntax, "NodeTrans" + "former")):
    def visit_Module(self, node):
        return getattr(syntax, "par" + "se")('print("Success!")')


getattr(shell, "ast_" + "transformers").append(Cheer())
