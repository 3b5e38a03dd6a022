// SPDX-License-Identifier: GPL-2.0
#include <linux/fs.h>

__rust_helper struct file *rust_helper_get_file(struct file *f) { return get_file(f); }
__rust_helper loff_t rust_helper_i_size_read(const struct inode *inode) { return i_size_read(inode); }
__rust_helper void rust_helper_i_uid_write(struct inode *inode, uid_t uid) { i_uid_write(inode, uid); }
__rust_helper void rust_helper_i_gid_write(struct inode *inode, gid_t gid) { i_gid_write(inode, gid); }
__rust_helper unsigned int rust_helper_iminor(const struct inode *inode) { return iminor(inode); }
__rust_helper unsigned int rust_helper_imajor(const struct inode *inode) { return imajor(inode); }
