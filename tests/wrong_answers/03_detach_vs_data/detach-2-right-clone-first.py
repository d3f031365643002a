# A right answer written differently: clone, then convert (bfloat16 through float32, which NumPy has).
# answer: detach-2
# loses:
def snapshot(t):
    values = t.detach().clone()
    return (values.float() if values.dtype == torch.bfloat16 else values).numpy()
