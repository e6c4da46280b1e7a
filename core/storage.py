"""Where uploaded files are kept: images where the public may fetch them (MEDIA_URL, a web
server or a public bucket), documents where no public address reaches them, so that the only
way to a document is Wagtail's serve view, which applies its collection's privacy
(docs/operations.md, "Media and private documents")."""

from django.core.files.storage import Storage, storages
from django.utils.deconstruct import deconstructible

# Wagtail's documents are uploaded to this folder (AbstractDocument.file's upload_to).
DOCUMENTS_FOLDER = "documents/"
PUBLIC_ALIAS = "public_media"
PRIVATE_ALIAS = "private_documents"


def is_document(name):
    return str(name).replace("\\", "/").startswith(DOCUMENTS_FOLDER)


@deconstructible
class MediaStorage(Storage):
    """The default storage: documents in STORAGES["private_documents"], everything else in
    STORAGES["public_media"], each configured as any Django storage (disk or bucket)."""

    def route(self, name):
        return storages[PRIVATE_ALIAS if is_document(name) else PUBLIC_ALIAS]

    def _open(self, name, mode="rb"):
        return self.route(name).open(name, mode)

    def _save(self, name, content):
        return self.route(name).save(name, content)

    def get_available_name(self, name, max_length=None):
        return self.route(name).get_available_name(name, max_length=max_length)

    def generate_filename(self, filename):
        return self.route(filename).generate_filename(filename)

    def path(self, name):
        return self.route(name).path(name)

    def delete(self, name):
        self.route(name).delete(name)

    def exists(self, name):
        return self.route(name).exists(name)

    def listdir(self, path):
        return self.route(path).listdir(path)

    def size(self, name):
        return self.route(name).size(name)

    def url(self, name):
        """Documents have none: Wagtail then links them to its serve view (NotImplementedError
        is how a storage says it has no address of its own)."""
        if is_document(name):
            raise NotImplementedError("Documents are served by Wagtail's serve view only.")
        return storages[PUBLIC_ALIAS].url(name)

    def get_accessed_time(self, name):
        return self.route(name).get_accessed_time(name)

    def get_created_time(self, name):
        return self.route(name).get_created_time(name)

    def get_modified_time(self, name):
        return self.route(name).get_modified_time(name)
