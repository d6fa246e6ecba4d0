#ifndef CFILESWAP_H
#define CFILESWAP_H

/// Swaps two paths in one step: each name then refers to what the other did, and at no moment does
/// either name refer to nothing. Linux: renameat2(RENAME_EXCHANGE); macOS: renamex_np(RENAME_SWAP).
/// Returns 0, or -1 with errno set (ENOSYS or EINVAL where the system or filesystem cannot do it).
int casebook_exchange(const char *first, const char *second);

#endif
