"""factory_boy factories shared by every app's tests."""

import datetime
import itertools

import factory

from canbo.accounts.models import Role, User
from canbo.accounts.services import role_assignment_create_active_for_seed
from canbo.org.models import AdminLevel, OrgSector, OrgUnit, UnitKind
from canbo.org.services import set_paths
from canbo.people.choices import Gender, PersonnelCategory
from canbo.people.models import Employment, Person, Qualification
from canbo.people.services import person_refresh_derived
from canbo.people.validators import compose_national_id

_id_counter = itertools.count(1)


def national_id_for(gender: str, birth: datetime.date, serial: int | None = None) -> str:
    """A valid 12-digit personal ID consistent with gender and year of birth (province code 011: Điện Biên)."""
    serial = next(_id_counter) if serial is None else serial
    return compose_national_id("011", gender, birth.year, serial)


class OrgUnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrgUnit
        skip_postgeneration_save = True

    code = factory.Sequence(lambda n: f"U{n:04d}")
    name = factory.Sequence(lambda n: f"Đơn vị {n}")
    level = AdminLevel.TINH
    kind = UnitKind.AGENCY
    sector = OrgSector.CHINH_QUYEN
    valid_from = datetime.date(2000, 1, 1)

    @factory.post_generation
    def with_path(obj, create, extracted, **kwargs):
        if create:
            set_paths([obj])
            obj.save(update_fields=["path", "depth"])


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.django.Password("mat-khau-thu-nghiem")


def grant(user, role, unit=None):
    """An active role for a test fixture (seed data: no request, no approval)."""
    role_assignment_create_active_for_seed(user=user, role=role, unit=unit)
    return user


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    code = factory.Sequence(lambda n: f"HS{n:06d}")
    full_name = factory.Iterator(
        ["Nguyễn Văn Ánh", "Lò Thị Hoa", "Giàng A Chứ", "Trần Minh Đức", "Lường Văn Sơn"]
    )
    gender = factory.Iterator([Gender.NAM, Gender.NU, Gender.NAM, Gender.NAM, Gender.NAM])
    date_of_birth = datetime.date(1985, 5, 17)
    national_id = factory.LazyAttribute(lambda o: national_id_for(o.gender, o.date_of_birth))
    category = PersonnelCategory.CC
    current_unit = factory.SubFactory(OrgUnitFactory)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        start = kwargs.pop("start_date", datetime.date(2010, 1, 1))
        person = model_class(*args, **kwargs)
        person_refresh_derived(person)
        person.save()
        Employment.objects.create(
            person=person,
            unit=person.current_unit,
            position=person.position,
            category=person.category,
            start_date=start,
        )
        return person


class QualificationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Qualification

    person = factory.SubFactory(PersonFactory)
    scale = "PROFESSIONAL"
    level = "DAI_HOC"
    rank = 6
    awarded_on = datetime.date(2008, 6, 30)


__all__ = [
    "OrgUnitFactory",
    "UserFactory",
    "PersonFactory",
    "QualificationFactory",
    "grant",
    "Role",
    "national_id_for",
    "UnitKind",
]
