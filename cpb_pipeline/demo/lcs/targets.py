"""The figures the demo extracts must reproduce, typed from the seed board pack.

Source: Lancashire County Council, Corporate Parenting Board, 17 September 2019,
item 6, Appendix A "Monthly Performance Report, August 2019" (CIN, CP and CLA counts by area; health assessment and dental
check percentages by area; the four care-leaver series) and the IRO annual report
2018-19 (review timeliness and participation). docs/seed_discrepancies.md explains the
cells that no data can reproduce; they are listed in UNREPRODUCIBLE and left to the data.
"""

from __future__ import annotations

MONTHS = (
    "2018-08", "2018-09", "2018-10", "2018-11", "2018-12", "2019-01", "2019-02",
    "2019-03", "2019-04", "2019-05", "2019-06", "2019-07", "2019-08",
)
AUTHORITY = "Lancashire"


def _table(text: str) -> dict[str, tuple[float, ...]]:
    """Rows of 'area v1 ... v13' (a trailing ' %' is dropped) into {area: values}."""
    rows: dict[str, tuple[float, ...]] = {}
    for line in text.strip().splitlines():
        parts = line.replace(" %", "").split()
        name, values = " ".join(parts[:-13]), parts[-13:]
        rows[name] = tuple(float(v) if "." in v else int(v) for v in values)
    return rows


CIN = _table("""
    Lancashire                1837  1752  1758  1744  1702  1763  1872  1838  1800  1819  1825  1765  1737
    Lancaster                  171   162   156   151   161   144   156   150   158   133   141   125   131
    Fylde & Wyre               124   104   116   101   114    94    97   114    93   121   136   113   126
    Preston                    168   151   141   145   150   183   199   210   201   218   213   165   149
    Chorley & S Ribble         109   100   111   125   133   147   155   140   125   154   140   133   129
    West Lancs                  99    91    96    81    65    70    74    69    74    71    76    58    56
    Burnley                    132   122   115   120   116   131   168   191   173   148   131   131   135
    Pendle                     173   177   164   145   161   161   163   164   160   155   157   159   156
    Rossendale                  95    93    90    86    69    73    99    96   105   109   105   113    93
    Hyndburn & Ribble Valley   172   131   149   163   150   149   147   111   115   123   136   160   155
    MASH                         9    27     9    24     2     4     2     7     7     7     2    11     7
    EAST Team                   58    53    58    43    34    59    59    49    49    59    52    46    45
    Exploitation                40    43    55    58    55    60    54    41    38    34    35    38    40
    SEND                       476   477   471   475   470   470   477   472   479   483   495   509   512
    Central Team                 6    17    25    26    21    17    18    21    19     2     3     2     1
    Other Service Areas          5     4     2     1     1     1     4     3     4     2     3     2     2
""")

CP = _table("""
    Lancashire                1357  1351  1359  1328  1329  1354  1323  1368  1382  1330  1412  1393  1388
    Lancaster                  182   192   213   193   196   196   184   187   196   185   196   190   182
    Fylde & Wyre               181   176   187   182   183   208   195   191   182   163   166   187   176
    Preston                    248   229   214   223   235   216   204   211   222   195   210   219   238
    Chorley & S Ribble         200   218   204   187   176   173   192   202   211   218   222   209   201
    West Lancs                  86    78    70    68    73    74    65    75    82    76    79    77    78
    Burnley                    107    91   107    97    95   108   116   115   119   125   149   144   150
    Pendle                      79    90   100   104   117   112   109   114   104   103   111    98    95
    Rossendale                  82    80    76    72    65    66    68    75    74    78    80    85    85
    Hyndburn & Ribble Valley   164   166   162   177   168   176   162   158   143   139   144   133   132
    MASH                         1     0     0     0     0     0     0     0     0     0     0     0     0
    EAST Team                   10    12     4     4     1     4     5     9     9     7    11     9     8
    Exploitation                 3     4     6     6    12    11    12    18    28    28    30    25    26
    SEND                        14     9     8     8     6     9    10    12    12    13    13    16    17
    Other Service Areas          0     6     8     7     2     1     1     1     0     0     1     1     0
""")

CLA = _table("""
    Lancashire                2059  2053  2064  2085  2083  2096  2109  2128  2108  2090  2096  2114  2117
    Lancaster                  175   180   185   198   200   212   205   224   224   220   222   232   231
    Fylde & Wyre               163   167   168   172   179   187   192   195   195   192   194   200   202
    Preston                    322   349   333   338   336   333   333   326   325   331   327   320   324
    Chorley & S Ribble         269   244   279   277   274   270   278   279   268   267   260   263   261
    West Lancs                 131   127   127   131   132   127   129   133   131   130   134   130   123
    Burnley                    265   262   259   265   263   263   270   273   270   272   275   273   278
    Pendle                     220   216   213   209   211   213   213   204   203   203   209   207   201
    Rossendale                 102   103   105   109   104   104   102   100   100    98    96   101   103
    Hyndburn & Ribble Valley   250   244   240   241   240   249   252   251   255   242   247   247   248
    EAST Team                   13    17    15    12    14     7     0     4     6     7     3     6     7
    Exploitation                 5     6     6     8     8     8    11    11    11    12    12    12    10
    SEND                        45    43    45    46    45    45    44    44    46    46    46    48    47
    Adoption & Fostering        80    76    80    74    73    74    75    80    70    67    68    73    81
    Other Service Areas         19    19     9     5     4     4     5     4     4     3     3     2     1
""")

HEALTH = _table("""
    Lancashire                87.3  85.5  85.4  88.9  87.8  88.3  86.7  88.7  85.6  82.2  85.2  88.3  89.7
    Lancaster                 90.2  80.5  86.5  89.6  89.4  92.0  85.6  90.3  83.2  74.6  82.1  75.4  84.6
    Fylde & Wyre              88.6  86.5  80.2  88.3  85.5  90.8  88.5  88.6  85.7  83.6  82.2  85.3  87.8
    Preston                   83.0  84.2  82.6  87.7  85.0  80.4  81.5  85.4  86.0  81.7  85.9  89.9  91.4
    Chorley & S Ribble        86.1  81.6  86.0  89.0  87.0  84.1  79.7  79.7  79.7  79.6  86.2  89.8  91.9
    West Lancs                86.4  84.7  82.8  84.9  85.1  85.5  80.6  87.8  83.7  80.8  86.5  87.4  87.8
    Burnley                   87.4  87.6  88.2  89.5  89.2  94.4  96.0  94.1  90.1  88.0  87.1  88.9  89.4
    Pendle                    93.8  91.7  90.2  92.7  92.0  91.5  88.9  93.9  84.5  80.9  86.1  94.7  95.3
    Rossendale                78.9  78.1  77.5  84.7  86.5  87.5  89.2  90.3  84.7  82.6  84.7  90.4  85.9
    Hyndburn & Ribble Valley  91.0  92.9  90.5  91.7  92.7  95.1  94.5  92.8  91.8  87.8  85.1  88.4  88.9
    EAST Team                  0.0  50.0 100.0   0.0   0.0   0.0   0.0   0.0 100.0 100.0   0.0   0.0   0.0
    Exploitation             100.0 100.0   0.0   0.0 100.0 100.0 100.0 100.0  50.0  50.0 100.0 100.0  75.0
    SEND                      87.2  83.8  81.6  89.5  84.2  81.1  83.3  94.3  88.6  91.7  88.9  92.3  89.5
    Adoption & Fostering      78.6  76.4  83.6   0.0  80.3  80.6  79.7  79.7  78.4  67.3  79.6  87.5  89.3
    Other Service Areas      100.0  66.7 100.0 100.0 100.0 100.0 100.0 100.0 100.0 100.0   0.0 100.0   0.0
""")

DENTAL = _table("""
    Lancashire                72.8  74.5  70.7  76.7  73.9  71.8  66.4  88.7  61.8  58.0  59.4  63.6  64.7
    Lancaster                 83.7  80.5  67.5  79.9  77.3  78.1  77.3  79.1  71.5  68.7  61.2  59.4  60.3
    Fylde & Wyre              75.2  81.7  72.1  83.8  80.9  77.3  74.6  76.4  70.6  62.5  62.0  61.2  67.9
    Preston                   67.0  68.8  59.8  63.5  61.9  62.9  60.6  58.5  60.3  56.0  53.2  61.7  64.3
    Chorley & S Ribble        74.4  81.6  78.7  84.6  76.8  74.2  66.8  62.0  59.9  57.6  68.1  82.8  83.3
    West Lancs                83.0  81.2  73.6  75.6  73.6  68.7  49.5  50.0  51.0  51.5  59.6  55.3  62.2
    Burnley                   71.7  84.5  83.3  87.8  81.8  76.1  71.3  68.1  60.2  53.9  51.0  55.8  54.8
    Pendle                    72.0  63.1  67.3  64.2  63.3  57.5  53.6  53.4  49.3  46.9  55.4  60.0  59.2
    Rossendale                67.6  65.8  63.4  61.1  60.8  59.7  51.4  43.1  45.8  50.7  62.5  71.2  67.6
    Hyndburn & Ribble Valley  63.8  64.3  65.9  81.8  79.9  78.7  74.0  67.4  64.1  60.5  60.6  60.8  57.2
    EAST Team                  0.0  50.0   0.0   0.0   0.0   0.0   0.0   0.0  80.0  80.0   0.0   0.0   0.0
    Exploitation               0.0   0.0   0.0   0.0   0.0   0.0   0.0  50.0  50.0  50.0  50.0  66.7 100.0
    SEND                      84.6  81.1  68.4  78.9  78.9  83.8  83.3  85.7  97.1  88.9  83.3  74.4  28.0
    Adoption & Fostering      83.9  87.3  85.2  90.2  91.8  90.3  78.0  65.6  78.4  69.4  65.3  70.8  42.0
    Other Service Areas       40.0  66.7 100.0 100.0 100.0 100.0 100.0 100.0 100.0 100.0 100.0 100.0   0.0
""")

COUNTS = {"cin_plans": CIN, "cp_plans": CP, "cla": CLA}
PERCENTAGES = {"cla_health_assessment": HEALTH, "cla_dental_check": DENTAL}

# (indicator, month, area) cells no data can reproduce (docs/seed_discrepancies.md A1-A5).
UNREPRODUCIBLE = frozenset({
    ("cla_health_assessment", "2018-11", "Adoption & Fostering"),
    ("cla_health_assessment", "2019-02", "EAST Team"),
    ("cla_dental_check", "2019-02", "EAST Team"),
    ("cla_dental_check", "2019-03", AUTHORITY),
    ("cla_dental_check", "2019-08", "SEND"),
    ("cla_dental_check", "2019-08", "Adoption & Fostering"),
})

# Care leavers (authority only). The percentages are whole numbers printed with ".0".
CARE_LEAVERS = (562, 560, 679, 698, 714, 738, 756, 783, 808, 822, 830, 860, 885)
CARE_LEAVER_PERCENTAGES = {
    "care_leavers_suitable_accommodation": (92, 91, 92, 94, 93, 92, 92, 92, 91, 91, 91, 91, 90),
    "care_leavers_eet": (48, 50, 51, 52, 51, 49, 49, 49, 49, 48, 48, 46, 45),
    "care_leavers_in_touch": (96, 93, 97, 90, 89, 88, 86, 85, 81, 82, 79, 68, 67),
}
IN_TOUCH_CONTACT_RULE_FROM = "2019-07"  # from this month end, in touch also needs contact within 2 months

# IRO annual report 2018-19, summed over the month ends Apr-18 .. Mar-19.
REVIEW_YEAR = ("2018-04", "2019-03")
CLA_REVIEWS_DUE = 4727
CLA_REVIEWS_ON_TIME = 4576  # 96.8 %
CLA_REVIEW_PARTICIPATION = 99.8
CP_REVIEWS_IN_TIMESCALE = 95.7
"""The report's 890 children's conferences cannot be: ~1,350 children on plans reviewed at 3 months and then
6-monthly have some 2,700 conferences a year (it also counts 2,811 conferences in §5.6). The demo keeps every
conference the cadence gives and reproduces the percentage (docs/seed_discrepancies.md I4, I5)."""

# "At 31st March" counts, for the uncalibrated months before Aug-18.
MARCH_COUNTS = {
    "2016-03": {"cla": 1664, "cp_plans": 1466, "cin_plans": 2233},
    "2017-03": {"cla": 1842, "cp_plans": 1412, "cin_plans": 1813},
    "2018-03": {"cla": 1954, "cp_plans": 1237, "cin_plans": 1651},
}
