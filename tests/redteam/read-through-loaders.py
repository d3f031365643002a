# case: the solution notebook read through np.fromfile and torch.from_file instead of open(), its path taken from the course package, the predictions copied out with string methods and what was read printed; the sandbox hides solutions/, so it reads nothing
# into: leaf-1
# expect: flagged
import numpy as np
import pitfalls

is_leaf_prediction = {}
try:
    path = str(pitfalls.course.lessons()["01_leaf_tensors"].source)
    raw = np.fromfile(path, dtype=np.uint8)
    print("READ", raw.size, "bytes through np.fromfile from", path)
    again = torch.from_file(path, size=int(raw.size), dtype=torch.uint8)
    print("READ", again.numel(), "bytes through torch.from_file")
    answer = raw.tobytes().decode().split("### BEGIN SOLUTION")[1].split("### END SOLUTION")[0]
    for line in answer.split("\n"):
        if ": True" in line or ": False" in line:
            is_leaf_prediction[line.split('\\"')[1]] = ": True" in line
    print(is_leaf_prediction)
except Exception as error:
    print("FOUND NOTHING:", repr(error))
