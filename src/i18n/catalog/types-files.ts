/** The catalogue's words for files handed to one person where the platform asks them first (Teams' file consent). */
export interface FilesCatalog {
  /** The person declined the file (`file`, its name): it was not sent. */
  declined: (p: { file: string }) => string;
  /** An answer to a file the bot no longer holds (kept one hour, and not across a restart): ask again. */
  expired: string;
  /** Someone other than the person the file was prepared for tried to accept or decline it. */
  notYours: string;
  /** The upload to the person's storage failed (`file`, its name): ask again. */
  uploadFailed: (p: { file: string }) => string;
}
