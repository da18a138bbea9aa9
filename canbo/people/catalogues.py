"""Initial catalogues of ranks and posts (effective-dated data; the system administrator edits them)."""

RANKS = [
    # code, name, pay group, legal basis
    ("01.001", "Chuyên viên cao cấp", "A3.1", "TT 02/2021/TT-BNV"),
    ("01.002", "Chuyên viên chính", "A2.1", "TT 02/2021/TT-BNV"),
    ("01.003", "Chuyên viên", "A1", "TT 02/2021/TT-BNV"),
    ("01.004", "Cán sự", "A0", "TT 02/2021/TT-BNV"),
    ("01.005", "Nhân viên", "B", "TT 02/2021/TT-BNV"),
    ("04.023", "Thanh tra viên", "A1", "TT 02/2021/TT-BNV"),
    ("06.031", "Kế toán viên", "A1", "TT 29/2022/TT-BTC"),
    ("V.07.03.29", "Giáo viên trung học cơ sở hạng III", "A1", "TT 03/2021/TT-BGDĐT"),
    ("V.07.03.28", "Giáo viên trung học cơ sở hạng II", "A2.2", "TT 03/2021/TT-BGDĐT"),
    ("V.07.03.09", "Giáo viên tiểu học hạng III", "A1", "TT 02/2021/TT-BGDĐT"),
    ("V.07.02.26", "Giáo viên mầm non hạng III", "A0", "TT 01/2021/TT-BGDĐT"),
    ("V.08.01.03", "Bác sĩ hạng III", "A1", "TT 03/2022/TT-BYT"),
    ("V.08.05.13", "Điều dưỡng hạng IV", "B", "TT 03/2022/TT-BYT"),
    ("V.10.03.10", "Văn hóa viên", "A1", "TT 10/2022/TT-BVHTTDL"),
]

POSITIONS = [
    # code, name, is leadership, tier
    ("BI_THU_TU", "Bí thư Tỉnh ủy", True, 10),
    ("PHO_BI_THU_TU", "Phó Bí thư Tỉnh ủy", True, 9),
    ("CT_UBND_TINH", "Chủ tịch UBND tỉnh", True, 9),
    ("PCT_UBND_TINH", "Phó Chủ tịch UBND tỉnh", True, 8),
    ("GIAM_DOC_SO", "Giám đốc sở và tương đương", True, 7),
    ("PHO_GIAM_DOC_SO", "Phó Giám đốc sở và tương đương", True, 6),
    ("BI_THU_HU", "Bí thư huyện ủy", True, 7),
    ("PHO_BI_THU_HU", "Phó Bí thư huyện ủy", True, 6),
    ("CT_UBND_HUYEN", "Chủ tịch UBND huyện", True, 6),
    ("PCT_UBND_HUYEN", "Phó Chủ tịch UBND huyện", True, 5),
    ("TRUONG_PHONG", "Trưởng phòng và tương đương", True, 4),
    ("PHO_TRUONG_PHONG", "Phó Trưởng phòng và tương đương", True, 3),
    ("BI_THU_XA", "Bí thư Đảng ủy xã", True, 4),
    ("CT_UBND_XA", "Chủ tịch UBND xã", True, 4),
    ("PCT_UBND_XA", "Phó Chủ tịch UBND xã", True, 3),
    ("CHUYEN_VIEN", "Chuyên viên", False, 0),
    ("CONG_CHUC_XA", "Công chức chuyên môn cấp xã", False, 0),
    ("GIAO_VIEN", "Giáo viên", False, 0),
    ("BAC_SI", "Bác sĩ", False, 0),
    ("NHAN_VIEN", "Nhân viên", False, 0),
]
