import '@sevabook/ui/testing/setup-tests';
