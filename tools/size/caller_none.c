/* Baseline: the entry point alone, to subtract from the measured images. */
void dsx_size_entry(void);
void dsx_size_entry(void)
{
    for (;;) {}
}
