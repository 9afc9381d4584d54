/** The Content Manager's edit view of one document (a relative admin route). */
export const editUrl = (uid: string, documentId: string) => `/content-manager/collection-types/${uid}/${documentId}`;
