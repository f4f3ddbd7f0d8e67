/** The longest applicant name: one number for the form, the server's schema and pasted rosters. */
export const personNameMaxLength = 50;
