"""The initial salary data, loaded by migration 0002; the rules became SalaryRule rows in 0003 (corrected on the
"Căn cứ pháp lý" page as new dated versions), the scales and early-raise reasons stay admin catalogues.

Sources, and what is not confirmed ([U]) — read the text before changing a row:
- NĐ 204/2004/NĐ-CP, Bảng 2 (CBCC in state bodies) and Bảng 3 (public employees): coefficients of each group; still
  in force in 2026 (the new pay tables of NQ 27-NQ/TW were deferred; KL 83-KL/TW 2024 raised only the base salary).
- TT 08/2013/TT-BNV (in force 15/09/2013), amended by TT 03/2021/TT-BNV (29/06/2021; in force from 15/08/2021 [U]):
  regular raise after 36 months (ranks requiring cao đẳng or above) or 24 months (trung cấp or below, nhân viên);
  vượt khung 5 % after 36 (24) months at the top step, then +1 % a year; discipline while holding a step delays the
  raise by 6 months (khiển trách, cảnh cáo) or 12 months (giáng chức, cách chức); early raise ≤ 12 months for
  achievement within a yearly share of the payroll: 10 % (NĐ 17/2013, TT 08/2013) → 15 % (TT 03/2021 [U]);
  early raise of up to 12 months for people notified of their retirement, outside the share.
- Delay for hạ bậc lương, bãi nhiệm (12 months) and the award levels behind 12/9/6 months: [U].
- Base salary: NĐ 66/2013, 47/2016, 47/2017, 72/2018, 38/2019, 24/2023, 73/2024 (2.340.000 đ from 01/07/2024).
  A rise of about 8 % from 01/07/2026 was announced (2.527.200 đ) but no decree is confirmed here [U]: add its row
  when the decree is at hand.
"""

import datetime

D = datetime.date
TT08 = D(2013, 9, 15)
TT03 = D(2021, 8, 15)
ND204 = "NĐ 204/2004/NĐ-CP, Bảng 2 và Bảng 3"
STEP_BASIS = "NĐ 204/2004/NĐ-CP; TT 08/2013/TT-BNV Điều 2, Điều 4 (sửa đổi bởi TT 03/2021/TT-BNV)"

# code, name, training class, first coefficient, increment, number of steps
SCALES = [
    ("A3.1", "Loại A3, nhóm 1 (chuyên viên cao cấp và tương đương)", "CAO_DANG_TRO_LEN", "6.20", "0.36", 6),
    ("A3.2", "Loại A3, nhóm 2", "CAO_DANG_TRO_LEN", "5.75", "0.36", 6),
    ("A2.1", "Loại A2, nhóm 1 (chuyên viên chính và tương đương)", "CAO_DANG_TRO_LEN", "4.40", "0.34", 8),
    ("A2.2", "Loại A2, nhóm 2", "CAO_DANG_TRO_LEN", "4.00", "0.34", 8),
    ("A1", "Loại A1 (chuyên viên và tương đương)", "CAO_DANG_TRO_LEN", "2.34", "0.33", 9),
    ("A0", "Loại A0 (yêu cầu trình độ cao đẳng)", "CAO_DANG_TRO_LEN", "2.10", "0.31", 10),
    ("B", "Loại B (cán sự, nhân viên yêu cầu trình độ trung cấp)", "TRUNG_CAP_TRO_XUONG", "1.86", "0.20", 12),
    ("C1", "Loại C, nhóm 1", "TRUNG_CAP_TRO_XUONG", "1.65", "0.18", 12),
    ("C2", "Loại C, nhóm 2", "TRUNG_CAP_TRO_XUONG", "1.50", "0.18", 12),
    ("C3", "Loại C, nhóm 3", "TRUNG_CAP_TRO_XUONG", "1.35", "0.18", 12),
]
SCALES_FROM = D(2004, 10, 1)

# training class, step months, months at the top step before vượt khung, first %, yearly %
STEP_RULES = [
    ("CAO_DANG_TRO_LEN", 36, 36, 5, 1),
    ("TRUNG_CAP_TRO_XUONG", 24, 24, 5, 1),
]

DISCIPLINE_DELAYS = [
    ("KHIEN_TRACH", 6, "TT 08/2013/TT-BNV Điều 2 khoản 1 điểm d (sửa đổi bởi TT 03/2021/TT-BNV)"),
    ("CANH_CAO", 6, "TT 08/2013/TT-BNV Điều 2 khoản 1 điểm d (sửa đổi bởi TT 03/2021/TT-BNV)"),
    ("GIANG_CHUC", 12, "TT 08/2013/TT-BNV Điều 2 khoản 1 điểm d (sửa đổi bởi TT 03/2021/TT-BNV)"),
    ("CACH_CHUC", 12, "TT 08/2013/TT-BNV Điều 2 khoản 1 điểm d (sửa đổi bởi TT 03/2021/TT-BNV)"),
    ("HA_BAC_LUONG", 12, "TT 08/2013/TT-BNV, TT 03/2021/TT-BNV [chưa xác nhận với văn bản]"),
    ("BAI_NHIEM", 12, "TT 08/2013/TT-BNV, TT 03/2021/TT-BNV [chưa xác nhận với văn bản]"),
]

# share %, from, to, basis
QUOTA_RULES = [
    (10, TT08, TT03 - datetime.timedelta(days=1), "NĐ 17/2013/NĐ-CP; TT 08/2013/TT-BNV Điều 3"),
    (
        15,
        TT03,
        None,
        "TT 03/2021/TT-BNV sửa đổi Điều 3 TT 08/2013/TT-BNV [tỷ lệ, ngày hiệu lực chưa xác nhận]",
    ),
]

# code, name, max months, counts in the quota
EARLY_REASONS = [
    ("THANH_TICH_12", "Thành tích xuất sắc: Huân chương, Chiến sĩ thi đua toàn quốc", 12, True),
    ("THANH_TICH_9", "Thành tích xuất sắc: Chiến sĩ thi đua cấp tỉnh, bộ; Bằng khen của Thủ tướng", 9, True),
    ("THANH_TICH_6", "Thành tích xuất sắc: Chiến sĩ thi đua cơ sở; Bằng khen cấp tỉnh, bộ", 6, True),
    ("NGHI_HUU", "Đã có thông báo nghỉ hưu, còn thiếu từ 12 tháng trở xuống", 12, False),
]
EARLY_BASIS = "TT 08/2013/TT-BNV Điều 3 (sửa đổi bởi TT 03/2021/TT-BNV) [mức khen thưởng chưa xác nhận]"

# amount, from, basis
BASE_SALARIES = [
    (1_150_000, D(2013, 7, 1), "NĐ 66/2013/NĐ-CP"),
    (1_210_000, D(2016, 5, 1), "NĐ 47/2016/NĐ-CP"),
    (1_300_000, D(2017, 7, 1), "NĐ 47/2017/NĐ-CP"),
    (1_390_000, D(2018, 7, 1), "NĐ 72/2018/NĐ-CP"),
    (1_490_000, D(2019, 7, 1), "NĐ 38/2019/NĐ-CP"),
    (1_800_000, D(2023, 7, 1), "NĐ 24/2023/NĐ-CP"),
    (2_340_000, D(2024, 7, 1), "NĐ 73/2024/NĐ-CP"),
]
