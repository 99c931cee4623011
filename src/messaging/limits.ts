/**
 * At most this many articles are looked up for one `articles` request, and as many related ones.
 * Its own module so a page that needs only the number does not load the request table.
 */
export const MAX_ARTICLES_ASKED = 50;
