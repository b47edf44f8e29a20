#!/usr/bin/env python3
"""Writes src/Modules/Tongban.Identity/Passwords/common-passwords.txt: passwords people commonly choose.

Generated here, not copied from a leaked list: digit runs, keyboard walks, and common words and pinyin
(names, 'woaini', 'aini') with the suffixes people add (years, dates, 123, 520, 1314, 888, !).
The list is lower-case; the check compares case-insensitively. Run it again to regenerate.
"""
import itertools, pathlib

words = """password passw0rd admin administrator root user guest login welcome qwerty qwertyuiop asdfgh asdfghjkl
zxcvbn zxcvbnm qazwsx qweasd 1qaz2wsx abc abcd abcdef abcdefg iloveyou love lover monkey dragon master shadow sunshine
princess football baseball soccer superman batman starwars letmein trustno1 hello hello123 freedom whatever
china beijing shanghai tieling liaoning shenyang dalian huawei xiaomi taobao alipay wechat weixin baidu tencent
woaini woaini1314 aini wohenaini laopo laogong baobei qinqin xiaobao xiaoming xiaohong xiaoli xiaowang
zhang wang li liu chen yang zhao huang zhou wu xu sun ma zhu hu guo he lin luo gao zheng liang xie song tang han feng
deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei su lu ding ren shen yao jiang fan fang jin
jianguo jianhua guoqiang zhiqiang xiuying xiulan guilan shuzhen yuzhen lihua weiwei wei jing min jun tao lei yan
fang na li ying hua ping gang hui qiang dan yong jie tingting lili xinxin yangyang
tongban zhengwu fuwu shenfen mima zhanghao yonghu test test123 demo sample changeme default secret
""".split()
suffixes = ["", "1", "12", "123", "1234", "12345", "123456", "520", "521", "1314", "5201314", "888", "666", "8888",
            "6666", "000", "111", "007", "!", "!@#", "@123", "."] + [str(y) for y in range(1950, 2027)]
out = set()
for w, s in itertools.product(words, suffixes):
    out.add(w + s)
# digit runs and repetitions
for n in range(6, 13):
    out.add("".join(str(i % 10) for i in range(1, n + 1)))
    out.add("".join(str(i % 10) for i in range(n, 0, -1)))
    for d in "0123456789":
        out.add(d * n)
for a, b in itertools.product(range(10), repeat=2):
    for n in (3, 4):
        out.add((f"{a}{b}") * n)
# dates people use: yyyymmdd of birthdays 1950-2010 on the first of each month and memorable days
for y in range(1950, 2011):
    for m in range(1, 13):
        out.add(f"{y}{m:02d}01")
        out.add(f"{y}{m:02d}15")
walks = ["qwerty", "asdfgh", "zxcvbn", "qazwsx", "1qaz2wsx", "1q2w3e4r", "1q2w3e", "q1w2e3r4", "zaq12wsx", "!qaz2wsx",
         "qweasdzxc", "147258369", "159357", "741852963", "123qwe", "qwe123", "abc123", "a123456", "aa123456", "a1b2c3d4"]
for w, s in itertools.product(walks, ["", "!", "123", "1", "."]):
    out.add(w + s)
words_out = sorted(p for p in out if 6 <= len(p) <= 64)
path = pathlib.Path(__file__).resolve().parent.parent / "src/Modules/Tongban.Identity/Passwords/common-passwords.txt"
path.write_text("\n".join(words_out) + "\n", encoding="utf-8")
print(len(words_out), "passwords written to", path)
