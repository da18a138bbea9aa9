"""The ordinary spellings met in provinces' files (data migration, reversible).

Ethnic groups: other names from the "tên gọi khác" column of the list of Vietnam's ethnic groups (QĐ
121-TCTK/PPCĐ of 02/3/1979, the list the 54 codes come from), only those that name one group; spellings that
differ only by accents, case, spaces, hyphens or apostrophes ("Khơ Mú", "H'Mông") need no alias, the import
matches them already. Religions: the usual ways of writing the recognised religions. Ranks: the usual
abbreviations of the civil servants' ranks (TT 02/2021/TT-BNV)."""

import re
import unicodedata

from django.db import migrations

ETHNICITY = {
    "Kinh": ["Việt"],
    "Thái": ["Thái Đen", "Thái Trắng"],
    "Hoa": ["Hán"],
    "Khơ-me": ["Khmer", "Khmer Krôm"],
    "Nùng": ["Nùng An", "Nùng Cháo", "Nùng Lòi", "Nùng Phàn Slình"],
    "HMông": ["Mông", "Mông Đen", "Mông Trắng", "Mông Hoa"],
    "Dao": ["Dao Đỏ", "Dao Tiền", "Dao Quần Chẹt", "Dao Làn Tẻn"],
    "Gia-rai": ["Jrai", "Giơ-rai"],
    "Ê-đê": ["Ra-đê", "Rhađê"],
    "Ba-na": ["Bahnar"],
    "Xơ-đăng": ["Xê-đăng", "Sê-đăng", "Sedang"],
    "Sán Chay": ["Cao Lan", "Sán Chỉ", "Cao Lan-Sán Chỉ"],
    "Cơ-ho": ["K'Ho"],
    "Sán Dìu": ["Sán Dẻo"],
    "Hrê": ["Chăm Rê"],
    "Mnông": ["Mơ Nông"],
    "Xtiêng": ["Stiêng", "Xa-điêng"],
    "Bru-Vân Kiều": ["Vân Kiều", "Bru"],
    "Giáy": ["Nhắng"],
    "Cơ-tu": ["Ca-tu", "Katu"],
    "Gié-Triêng": ["Triêng", "Giẻ"],
    "Khơ-mú": ["Khmu", "Xá Cẩu"],
    "Tà-ôi": ["Pa Cô", "Pa-kô"],
    "Chơ-ro": ["Châu Ro", "Dơ-ro"],
    "Xinh-mun": ["Puộc"],
    "Hà Nhì": ["U Ni"],
    "Chu-ru": ["Chơ-ru"],
    "La Chí": ["Cù Tê"],
    "Phù Lá": ["Xá Phó"],
    "La Hủ": ["Khù Xung"],
    "Lự": ["Lữ"],
    "Chứt": ["Rục", "Sách"],
    "Mảng": ["Mảng Ư"],
    "Pà Thẻn": ["Pà Hưng"],
    "Cống": ["Xắm Khống"],
    "Bố Y": ["Tu Dí"],
    "Brâu": ["Brao"],
    "Ơ-đu": ["Tày Hạt"],
}
ETHNIC_NAMES = [
    "Kinh", "Tày", "Thái", "Hoa", "Khơ-me", "Mường", "Nùng", "HMông", "Dao", "Gia-rai", "Ngái", "Ê-đê", "Ba-na",
    "Xơ-đăng", "Sán Chay", "Cơ-ho", "Chăm", "Sán Dìu", "Hrê", "Mnông", "Ra-glai", "Xtiêng", "Bru-Vân Kiều", "Thổ",
    "Giáy", "Cơ-tu", "Gié-Triêng", "Mạ", "Khơ-mú", "Co", "Tà-ôi", "Chơ-ro", "Kháng", "Xinh-mun", "Hà Nhì",
    "Chu-ru", "Lào", "La Chí", "La Ha", "Phù Lá", "La Hủ", "Lự", "Lô Lô", "Chứt", "Mảng", "Pà Thẻn", "Cơ Lao",
    "Cống", "Bố Y", "Si La", "Pu Péo", "Brâu", "Ơ-đu", "Rơ-măm",
]  # fmt: skip
RELIGION = {
    "Không": ["Không tôn giáo", "Không theo tôn giáo nào", "Không có", "Không theo"],
    "Phật giáo": ["Đạo Phật", "Phật"],
    "Công giáo": ["Thiên Chúa giáo", "Đạo Thiên Chúa", "Công giáo La Mã"],
    "Tin lành": ["Đạo Tin lành"],
    "Cao Đài": ["Đạo Cao Đài"],
    "Phật giáo Hòa Hảo": ["Hòa Hảo", "Đạo Hòa Hảo"],
    "Hồi giáo": ["Đạo Hồi", "Hồi", "Islam"],
}
RANK = {
    "01.001": ("Chuyên viên cao cấp", ["CVCC"]),
    "01.002": ("Chuyên viên chính", ["CVC"]),
    "01.003": ("Chuyên viên", ["CV"]),
}


def _key(text: str) -> str:  # canbo.imports.aliases.alias_key, frozen here
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("đ", "d").replace("Đ", "D")
    return re.sub(r"[\W_]+", "", stripped.lower())


def _rows():
    for name, aliases in ETHNICITY.items():
        code = f"{ETHNIC_NAMES.index(name) + 1:02d}"
        yield from (("ETHNICITY", alias, code, name) for alias in aliases)
    for name, aliases in RELIGION.items():
        yield from (("RELIGION", alias, name, name) for alias in aliases)
    for code, (name, aliases) in RANK.items():
        yield from (("RANK", alias, code, name) for alias in aliases)


def seed(apps, schema_editor):
    alias_model = apps.get_model("imports", "CatalogueAlias")
    for catalogue, alias, target, label in _rows():
        alias_model.objects.get_or_create(
            catalogue=catalogue,
            key=_key(alias),
            defaults={"alias": alias, "target": target, "target_label": label},
        )


def unseed(apps, schema_editor):
    alias_model = apps.get_model("imports", "CatalogueAlias")
    for catalogue, alias, _target, _label in _rows():
        alias_model.objects.filter(catalogue=catalogue, key=_key(alias), created_by=None).delete()


class Migration(migrations.Migration):
    dependencies = [("imports", "0003_catalogue_alias")]

    operations = [migrations.RunPython(seed, unseed)]
