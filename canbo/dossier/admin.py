# The dossier's parts hold personal data: no admin (the sysadmin sees no personal data); they are edited on the
# person's pages by those who may edit the person.
