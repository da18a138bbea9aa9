from django.apps import AppConfig


class DossierConfig(AppConfig):
    name = "canbo.dossier"
    verbose_name = "Hồ sơ: gia đình, lịch sử bản thân, ảnh"

    def ready(self):
        from canbo.core.audit import register_audited

        from .models import (
            AssetDeclaration,
            DossierDocument,
            FamilyMember,
            HealthRecord,
            MilitaryService,
            OrganisationMembership,
            PersonalHistory,
            PersonPhoto,
        )

        for model in (
            FamilyMember,
            PersonalHistory,
            PersonPhoto,
            OrganisationMembership,
            MilitaryService,
            AssetDeclaration,
            HealthRecord,
            DossierDocument,
        ):
            register_audited(model)
