"""The demo province's map: units, districts and communes of Điện Biên before and after 1 July 2025.

Seed 001 (2020): 45 province-level bodies (15 party and mass-organisation, 30 government) and 328 district-level
bodies (125 party and mass-organisation, 151 specialised departments, 52 others). The 130 communes of ten districts
merge into 45 new communes on 01/07/2025 (Nghị quyết 1661/NQ-UBTVQH15, 16/06/2025), when the district level ends.
Weights give each unit's share of its level's headcount.
"""

from datetime import date

PROVINCE_FROM = date(2004, 1, 1)
PROVINCE_BASIS = (
    "Nghị quyết số 22/2003/QH11 của Quốc hội về chia tỉnh Lai Châu thành tỉnh Lai Châu và tỉnh Điện Biên"
)
REFORM_DAY = date(2025, 7, 1)
LAST_LEGACY_DAY = date(2025, 6, 30)
COMMUNE_MERGE_DECISION = "1661/NQ-UBTVQH15"
COMMUNE_MERGE_BASIS = (
    "Nghị quyết số 1661/NQ-UBTVQH15 ngày 16/06/2025 của Ủy ban Thường vụ Quốc hội về việc sắp xếp "
    "các đơn vị hành chính cấp xã của tỉnh Điện Biên năm 2025"
)
DISTRICT_END_BASIS = (
    "Luật Tổ chức chính quyền địa phương số 72/2025/QH15; Nghị quyết số 203/2025/QH15 sửa đổi, bổ sung "
    "Hiến pháp: kết thúc hoạt động của đơn vị hành chính cấp huyện từ 01/07/2025"
)

BASIS_PARTY = "Điều lệ Đảng; quyết định của Ban Chấp hành Đảng bộ tỉnh Điện Biên"
BASIS_MASS = "Luật Mặt trận Tổ quốc Việt Nam 2015; điều lệ của tổ chức chính trị - xã hội"
BASIS_SO = (
    "Nghị định số 24/2014/NĐ-CP (sửa đổi bởi Nghị định số 107/2020/NĐ-CP) về cơ quan chuyên môn cấp tỉnh"
)
BASIS_PHONG = (
    "Nghị định số 37/2014/NĐ-CP (sửa đổi bởi Nghị định số 108/2020/NĐ-CP) về cơ quan chuyên môn cấp huyện"
)
BASIS_DVSN = "Nghị định số 120/2020/NĐ-CP về thành lập, tổ chức lại, giải thể đơn vị sự nghiệp công lập"
BASIS_COMMUNE = "Luật Tổ chức chính quyền địa phương 2015; " + PROVINCE_BASIS

# (code suffix, name, short name, sector, weight, VC share) — the 45 province-level bodies.
PROVINCE_UNITS = [
    ("VPTU", "Văn phòng Tỉnh ủy", "VP Tỉnh ủy", "DANG", 70, 0.1),
    ("BTCTU", "Ban Tổ chức Tỉnh ủy", "BTC Tỉnh ủy", "DANG", 40, 0.0),
    ("UBKTTU", "Ủy ban Kiểm tra Tỉnh ủy", "UBKT Tỉnh ủy", "DANG", 35, 0.0),
    ("BTGTU", "Ban Tuyên giáo Tỉnh ủy", "BTG Tỉnh ủy", "DANG", 35, 0.0),
    ("BDVTU", "Ban Dân vận Tỉnh ủy", "BDV Tỉnh ủy", "DANG", 25, 0.0),
    ("BNCTU", "Ban Nội chính Tỉnh ủy", "BNC Tỉnh ủy", "DANG", 20, 0.0),
    ("TCT", "Trường Chính trị tỉnh Điện Biên", "Trường Chính trị", "DANG", 60, 0.8),
    ("BAODBP", "Báo Điện Biên Phủ", "Báo ĐBP", "DANG", 70, 0.9),
    ("DUKCQ", "Đảng ủy Khối các cơ quan tỉnh", "ĐU Khối CQ", "DANG", 20, 0.0),
    ("DUKDN", "Đảng ủy Khối doanh nghiệp tỉnh", "ĐU Khối DN", "DANG", 15, 0.0),
    ("MTTQ", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "UB MTTQ tỉnh", "MTTQ_DOAN_THE", 30, 0.0),
    ("TDOAN", "Tỉnh đoàn Điện Biên", "Tỉnh đoàn", "MTTQ_DOAN_THE", 35, 0.2),
    ("HLHPN", "Hội Liên hiệp Phụ nữ tỉnh", "Hội LHPN tỉnh", "MTTQ_DOAN_THE", 30, 0.0),
    ("HND", "Hội Nông dân tỉnh", "Hội Nông dân tỉnh", "MTTQ_DOAN_THE", 30, 0.1),
    ("HCCB", "Hội Cựu chiến binh tỉnh", "Hội CCB tỉnh", "MTTQ_DOAN_THE", 20, 0.0),
    ("VPDBQH", "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh", "VP ĐĐBQH và HĐND", "CHINH_QUYEN",
     35, 0.0),
    ("VPUB", "Văn phòng Ủy ban nhân dân tỉnh", "VP UBND tỉnh", "CHINH_QUYEN", 80, 0.2),
    ("SNV", "Sở Nội vụ", "Sở NV", "CHINH_QUYEN", 80, 0.1),
    ("STP", "Sở Tư pháp", "Sở TP", "CHINH_QUYEN", 45, 0.3),
    ("SKHDT", "Sở Kế hoạch và Đầu tư", "Sở KH&ĐT", "CHINH_QUYEN", 50, 0.1),
    ("STC", "Sở Tài chính", "Sở TC", "CHINH_QUYEN", 70, 0.0),
    ("SCT", "Sở Công Thương", "Sở CT", "CHINH_QUYEN", 60, 0.2),
    ("SNN", "Sở Nông nghiệp và Phát triển nông thôn", "Sở NN&PTNT", "CHINH_QUYEN", 450, 0.4),
    ("SGTVT", "Sở Giao thông vận tải", "Sở GTVT", "CHINH_QUYEN", 90, 0.3),
    ("SXD", "Sở Xây dựng", "Sở XD", "CHINH_QUYEN", 60, 0.3),
    ("STNMT", "Sở Tài nguyên và Môi trường", "Sở TN&MT", "CHINH_QUYEN", 80, 0.4),
    ("STTTT", "Sở Thông tin và Truyền thông", "Sở TT&TT", "CHINH_QUYEN", 40, 0.3),
    ("SLDTBXH", "Sở Lao động - Thương binh và Xã hội", "Sở LĐ-TB&XH", "CHINH_QUYEN", 120, 0.6),
    ("SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch", "Sở VHTT&DL", "CHINH_QUYEN", 250, 0.8),
    ("SKHCN", "Sở Khoa học và Công nghệ", "Sở KH&CN", "CHINH_QUYEN", 45, 0.3),
    ("SGDDT", "Sở Giáo dục và Đào tạo", "Sở GD&ĐT", "CHINH_QUYEN", 2300, 0.96),
    ("SYT", "Sở Y tế", "Sở YT", "CHINH_QUYEN", 2600, 0.97),
    ("TTR", "Thanh tra tỉnh", "Thanh tra tỉnh", "CHINH_QUYEN", 40, 0.0),
    ("BDT", "Ban Dân tộc tỉnh", "Ban Dân tộc", "CHINH_QUYEN", 30, 0.0),
    ("SNGV", "Sở Ngoại vụ", "Sở NgV", "CHINH_QUYEN", 25, 0.0),
    ("DPTTH", "Đài Phát thanh và Truyền hình tỉnh", "Đài PT-TH", "CHINH_QUYEN", 120, 0.95),
    ("CDSP", "Trường Cao đẳng Sư phạm Điện Biên", "CĐ Sư phạm", "CHINH_QUYEN", 120, 0.95),
    ("CDYT", "Trường Cao đẳng Y tế Điện Biên", "CĐ Y tế", "CHINH_QUYEN", 90, 0.95),
    ("CDKTKT", "Trường Cao đẳng Kinh tế - Kỹ thuật Điện Biên", "CĐ KT-KT", "CHINH_QUYEN", 90, 0.95),
    ("BQLDT", "Ban Quản lý Di tích tỉnh", "BQL Di tích", "CHINH_QUYEN", 40, 0.95),
    ("LMHTX", "Liên minh Hợp tác xã tỉnh", "Liên minh HTX", "CHINH_QUYEN", 25, 0.3),
    ("BQLDADD", "Ban Quản lý dự án các công trình dân dụng và công nghiệp tỉnh", "BQLDA dân dụng",
     "CHINH_QUYEN", 40, 0.9),
    ("BQLDAGT", "Ban Quản lý dự án các công trình giao thông tỉnh", "BQLDA giao thông", "CHINH_QUYEN", 40, 0.9),
    ("BQLDANN", "Ban Quản lý dự án các công trình nông nghiệp và phát triển nông thôn tỉnh", "BQLDA NN&PTNT",
     "CHINH_QUYEN", 40, 0.9),
    ("BQLMN", "Ban Quản lý Khu bảo tồn thiên nhiên Mường Nhé", "KBT Mường Nhé", "CHINH_QUYEN", 60, 0.9),
]  # fmt: skip

# District bodies: (code suffix, name pattern, sector, kind, weight, VC share, province successor at the reform).
# {dv} = "huyện"/"thành phố"/"thị xã", {uy} = "Huyện ủy"/"Thành ủy"/"Thị ủy", {n} = district name.
DISTRICT_PARTY = [
    ("VPHU", "Văn phòng {uy} {n}", "DANG", 16, 0.1, "VPTU"),
    ("BTCHU", "Ban Tổ chức {uy} {n}", "DANG", 9, 0.0, "BTCTU"),
    ("UBKTHU", "Ủy ban Kiểm tra {uy} {n}", "DANG", 8, 0.0, "UBKTTU"),
    ("BTGHU", "Ban Tuyên giáo {uy} {n}", "DANG", 7, 0.0, "BTGTU"),
    ("BDVHU", "Ban Dân vận {uy} {n}", "DANG", 6, 0.0, "BDVTU"),
    ("TTCT", "Trung tâm Chính trị {dv} {n}", "DANG", 9, 0.7, "TCT"),
    ("MTTQ", "Ủy ban Mặt trận Tổ quốc Việt Nam {dv} {n}", "MTTQ_DOAN_THE", 7, 0.0, "MTTQ"),
    ("DOAN", "{Uy} đoàn {n}", "MTTQ_DOAN_THE", 5, 0.0, "TDOAN"),
    ("HLHPN", "Hội Liên hiệp Phụ nữ {dv} {n}", "MTTQ_DOAN_THE", 5, 0.0, "HLHPN"),
    ("HND", "Hội Nông dân {dv} {n}", "MTTQ_DOAN_THE", 5, 0.0, "HND"),
    ("HCCB", "Hội Cựu chiến binh {dv} {n}", "MTTQ_DOAN_THE", 4, 0.0, "HCCB"),
    ("HCTD", "Hội Chữ thập đỏ {dv} {n}", "MTTQ_DOAN_THE", 3, 0.3, "MTTQ"),
]
DISTRICT_PARTY_EXTRA = ("HKH", "Hội Khuyến học {dv} {n}", "MTTQ_DOAN_THE", 2, 0.0, "MTTQ")
DISTRICT_DEPARTMENTS = [
    ("VPUB", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân {dv} {n}", 20, 0.2, "VPUB"),
    ("PNV", "Phòng Nội vụ {dv} {n}", 8, 0.0, "SNV"),
    ("PTP", "Phòng Tư pháp {dv} {n}", 5, 0.0, "STP"),
    ("PTCKH", "Phòng Tài chính - Kế hoạch {dv} {n}", 10, 0.0, "STC"),
    ("PKTHT", "Phòng Kinh tế và Hạ tầng {dv} {n}", 9, 0.1, "SXD"),
    ("PNN", "Phòng Nông nghiệp và Phát triển nông thôn {dv} {n}", 9, 0.1, "SNN"),
    ("PTNMT", "Phòng Tài nguyên và Môi trường {dv} {n}", 8, 0.1, "STNMT"),
    ("PLDTBXH", "Phòng Lao động - Thương binh và Xã hội {dv} {n}", 8, 0.1, "SNV"),
    ("PVHTT", "Phòng Văn hóa và Thông tin {dv} {n}", 6, 0.1, "SVHTTDL"),
    ("PGDDT", "Phòng Giáo dục và Đào tạo {dv} {n}", 1000, 0.985, "SGDDT"),
    ("PYT", "Phòng Y tế {dv} {n}", 4, 0.0, "SYT"),
    ("TTR", "Thanh tra {dv} {n}", 6, 0.0, "TTR"),
    ("PDT", "Phòng Dân tộc {dv} {n}", 5, 0.0, "BDT"),
    ("BTCD", "Ban Tiếp công dân {dv} {n}", 3, 0.0, "TTR"),
    ("VPDP", "Văn phòng Điều phối Chương trình mục tiêu quốc gia {dv} {n}", 3, 0.0, "SNN"),
]
DISTRICT_DEPARTMENT_EXTRA = ("PQLDT", "Phòng Quản lý đô thị {dv} {n}", 6, 0.1, "SXD")
DISTRICT_SERVICES = [
    ("TTYT", "Trung tâm Y tế {dv} {n}", 190, 0.99, "SYT"),
    ("TTGDNN", "Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên {dv} {n}", 28, 0.97, "SGDDT"),
    ("TTVHTT", "Trung tâm Văn hóa, Thể thao và Truyền thông {dv} {n}", 20, 0.95, "SVHTTDL"),
    ("BQLDA", "Ban Quản lý dự án đầu tư xây dựng {dv} {n}", 14, 0.9, "BQLDADD"),
    ("TTDVNN", "Trung tâm Dịch vụ nông nghiệp {dv} {n}", 16, 0.95, "SNN"),
]
DISTRICT_SERVICE_EXTRA = ("BQLR", "Ban Quản lý rừng phòng hộ {dv} {n}", 22, 0.95, "SNN")

# Units whose whole staff goes to the province at the reform (health centres to Sở Y tế, …).
TO_PROVINCE_AT_REFORM = {"TTYT", "TTGDNN", "BQLR"}

# (GSO code, kind TP/TX/H, name, headcount weight, extra party body, extra department, extra service unit,
#  communes as "P:"/"TT:"/"X:" + name, new communes as (name, is ward, [old commune names]))
DISTRICTS = [
    ("094", "TP", "Điện Biên Phủ", 1.30, True, True, False,
     ["P:Him Lam", "P:Mường Thanh", "P:Tân Thanh", "P:Thanh Bình", "P:Thanh Trường", "P:Nam Thanh",
      "P:Noong Bua", "X:Thanh Minh", "X:Tà Lèng"],
     [("Điện Biên Phủ", True, ["Him Lam", "Tân Thanh", "Noong Bua", "Thanh Minh", "Tà Lèng"]),
      ("Mường Thanh", True, ["Mường Thanh", "Thanh Bình", "Thanh Trường", "Nam Thanh"])]),
    ("095", "TX", "Mường Lay", 0.35, False, False, False,
     ["P:Na Lay", "P:Sông Đà", "X:Lay Nưa"],
     [("Mường Lay", True, ["Na Lay", "Sông Đà", "Lay Nưa"])]),
    ("096", "H", "Mường Nhé", 0.95, True, False, True,
     ["X:Mường Nhé", "X:Nậm Vì", "X:Chung Chải", "X:Sín Thầu", "X:Sen Thượng", "X:Leng Su Sìn",
      "X:Mường Toong", "X:Huổi Lếch", "X:Nậm Kè", "X:Pá Mỳ", "X:Quảng Lâm"],
     [("Mường Nhé", False, ["Mường Nhé", "Nậm Vì", "Chung Chải"]),
      ("Sín Thầu", False, ["Sín Thầu", "Sen Thượng", "Leng Su Sìn"]),
      ("Mường Toong", False, ["Mường Toong", "Huổi Lếch"]),
      ("Nậm Kè", False, ["Nậm Kè", "Pá Mỳ"]),
      ("Quảng Lâm", False, ["Quảng Lâm", "Na Cô Sa"])]),
    ("097", "H", "Mường Chà", 0.90, False, False, False,
     ["TT:Mường Chà", "X:Mường Mươn", "X:Mường Tùng", "X:Pa Ham", "X:Hừa Ngài", "X:Nậm Nèn", "X:Huổi Lèng",
      "X:Sa Lông", "X:Ma Thì Hồ", "X:Na Sang", "X:Sá Tổng", "X:Huổi Mí"],
     [("Mường Chà", False, ["Mường Chà", "Hừa Ngài", "Sa Lông"]),
      ("Na Sang", False, ["Na Sang", "Ma Thì Hồ", "Sá Tổng"]),
      ("Mường Tùng", False, ["Mường Tùng", "Huổi Lèng", "Huổi Mí"]),
      ("Pa Ham", False, ["Pa Ham", "Nậm Nèn", "Mường Mươn"])]),
    ("098", "H", "Tủa Chùa", 0.90, False, False, False,
     ["TT:Tủa Chùa", "X:Mường Báng", "X:Mường Đun", "X:Tủa Thàng", "X:Huổi Só", "X:Xá Nhè",
      "X:Lao Xả Phình", "X:Tả Sìn Thàng", "X:Sín Chải", "X:Sính Phình", "X:Trung Thu", "X:Tả Phìn"],
     [("Tủa Chùa", False, ["Tủa Chùa", "Mường Báng", "Mường Đun"]),
      ("Tủa Thàng", False, ["Tủa Thàng", "Huổi Só", "Lao Xả Phình"]),
      ("Sín Chải", False, ["Sín Chải", "Tả Sìn Thàng", "Sính Phình"]),
      ("Xá Nhè", False, ["Xá Nhè", "Trung Thu", "Tả Phìn"])]),
    ("099", "H", "Tuần Giáo", 1.30, True, False, False,
     ["TT:Tuần Giáo", "X:Quài Cang", "X:Quài Nưa", "X:Quài Tở", "X:Chiềng Sinh", "X:Chiềng Đông",
      "X:Mường Thín", "X:Mường Khong", "X:Mường Mùn", "X:Pú Nhung", "X:Pú Xi", "X:Ta Ma", "X:Tênh Phông",
      "X:Tỏa Tình", "X:Nà Sáy", "X:Nà Tòng", "X:Phình Sáng", "X:Rạng Đông", "X:Mùn Chung"],
     [("Tuần Giáo", False, ["Tuần Giáo", "Quài Cang", "Quài Nưa", "Chiềng Đông"]),
      ("Chiềng Sinh", False, ["Chiềng Sinh", "Mường Thín", "Mường Khong", "Nà Sáy"]),
      ("Quài Tở", False, ["Quài Tở", "Tênh Phông", "Tỏa Tình"]),
      ("Mường Mùn", False, ["Mường Mùn", "Pú Xi", "Mùn Chung"]),
      ("Pú Nhung", False, ["Pú Nhung", "Rạng Đông", "Ta Ma"]),
      ("Nà Tòng", False, ["Nà Tòng", "Phình Sáng"])]),
    ("100", "H", "Điện Biên", 1.60, True, False, True,
     ["X:Thanh Nưa", "X:Thanh Luông", "X:Thanh Hưng", "X:Thanh Xương", "X:Thanh Chăn", "X:Thanh Yên",
      "X:Thanh An", "X:Noong Luống", "X:Noong Hẹt", "X:Sam Mứn", "X:Pom Lót", "X:Núa Ngam", "X:Hẹ Muông",
      "X:Na Ư", "X:Mường Pồn", "X:Mường Nhà", "X:Mường Lói", "X:Phu Luông", "X:Na Tông", "X:Mường Phăng",
      "X:Pá Khoang", "X:Nà Tấu", "X:Nà Nhạn", "X:Hua Thanh", "X:Pa Thơm"],
     [("Thanh Nưa", False, ["Thanh Nưa", "Thanh Luông", "Thanh Hưng"]),
      ("Thanh An", False, ["Thanh An", "Thanh Xương", "Noong Luống"]),
      ("Thanh Yên", False, ["Thanh Yên", "Thanh Chăn", "Noong Hẹt"]),
      ("Sam Mứn", False, ["Sam Mứn", "Pom Lót", "Hẹ Muông"]),
      ("Núa Ngam", False, ["Núa Ngam", "Na Ư", "Na Tông"]),
      ("Mường Nhà", False, ["Mường Nhà", "Mường Lói", "Phu Luông"]),
      ("Mường Phăng", False, ["Mường Phăng", "Pá Khoang"]),
      ("Nà Tấu", False, ["Nà Tấu", "Nà Nhạn"]),
      ("Mường Pồn", False, ["Mường Pồn", "Hua Thanh", "Pa Thơm"])]),
    ("101", "H", "Điện Biên Đông", 1.00, False, False, False,
     ["TT:Điện Biên Đông", "X:Na Son", "X:Xa Dung", "X:Pú Nhi", "X:Mường Luân", "X:Tìa Dình", "X:Háng Lìa",
      "X:Phình Giàng", "X:Pú Hồng", "X:Keo Lôm", "X:Luân Giói", "X:Chiềng Sơ", "X:Noong U", "X:Phì Nhừ"],
     [("Na Son", False, ["Điện Biên Đông", "Na Son", "Phì Nhừ"]),
      ("Xa Dung", False, ["Xa Dung", "Pú Hồng", "Phình Giàng"]),
      ("Mường Luân", False, ["Mường Luân", "Luân Giói", "Chiềng Sơ"]),
      ("Pú Nhi", False, ["Pú Nhi", "Noong U", "Keo Lôm"]),
      ("Tìa Dình", False, ["Tìa Dình", "Háng Lìa"])]),
    ("102", "H", "Mường Ảng", 0.80, False, False, False,
     ["TT:Mường Ảng", "X:Ẳng Nưa", "X:Ẳng Cang", "X:Ẳng Tở", "X:Búng Lao", "X:Xuân Lao", "X:Mường Đăng",
      "X:Ngối Cáy", "X:Nặm Lịch", "X:Mường Lạn"],
     [("Mường Ảng", False, ["Mường Ảng", "Ẳng Nưa", "Ẳng Cang"]),
      ("Búng Lao", False, ["Búng Lao", "Xuân Lao", "Mường Lạn"]),
      ("Ẳng Tở", False, ["Ẳng Tở", "Ngối Cáy"]),
      ("Mường Đăng", False, ["Mường Đăng", "Nặm Lịch"])]),
    ("103", "H", "Nậm Pồ", 1.00, True, False, False,
     ["X:Nà Hỳ", "X:Nà Khoa", "X:Nậm Nhừ", "X:Nậm Chua", "X:Nà Bủng", "X:Vàng Đán", "X:Nậm Tin", "X:Pa Tần",
      "X:Chà Cang", "X:Chà Nưa", "X:Chà Tở", "X:Nậm Khăn", "X:Si Pa Phìn", "X:Phìn Hồ", "X:Na Cô Sa"],
     [("Nà Hỳ", False, ["Nà Hỳ", "Nà Khoa", "Nậm Nhừ", "Nậm Chua"]),
      ("Nà Bủng", False, ["Nà Bủng", "Vàng Đán"]),
      ("Chà Tở", False, ["Chà Tở", "Nậm Khăn"]),
      ("Chà Cang", False, ["Chà Cang", "Pa Tần", "Nậm Tin"]),
      ("Si Pa Phìn", False, ["Si Pa Phìn", "Phìn Hồ", "Chà Nưa"])]),
]  # fmt: skip

DISTRICT_WORDS = {
    "TP": ("thành phố", "Thành ủy", "Thành phố"),
    "TX": ("thị xã", "Thị ủy", "Thị xã"),
    "H": ("huyện", "Huyện ủy", "Huyện"),
}
COMMUNE_WORDS = {"P": "Phường", "TT": "Thị trấn", "X": "Xã"}


def check() -> None:
    """The map adds up to the seed's figures (called by the tests and the builder)."""
    assert len(PROVINCE_UNITS) == 45
    assert sum(u[3] in ("DANG", "MTTQ_DOAN_THE") for u in PROVINCE_UNITS) == 15
    party = sum(len(DISTRICT_PARTY) + d[4] for d in DISTRICTS)
    departments = sum(len(DISTRICT_DEPARTMENTS) + d[5] for d in DISTRICTS)
    services = sum(len(DISTRICT_SERVICES) + d[6] for d in DISTRICTS)
    assert (party, departments, services) == (125, 151, 52), (party, departments, services)
    old = [c.split(":", 1)[1] for d in DISTRICTS for c in d[7]]
    assert len(old) == len(set(old)) == 130
    merged = [name for d in DISTRICTS for _n, _w, group in d[8] for name in group]
    assert sorted(merged) == sorted(old), set(old) ^ set(merged)
    assert sum(len(d[8]) for d in DISTRICTS) == 45
